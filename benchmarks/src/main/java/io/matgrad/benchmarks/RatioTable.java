package io.matgrad.benchmarks;

import static io.matgrad.benchmarks.Implementation.EXPERT_VALUE_AND_GRAD;
import static io.matgrad.benchmarks.Implementation.FINITE_DIFFERENCES;
import static io.matgrad.benchmarks.Implementation.FORWARD;
import static io.matgrad.benchmarks.Implementation.GENERATED_GRAD;
import static io.matgrad.benchmarks.Implementation.GENERATED_VALUE_AND_GRAD;
import static io.matgrad.benchmarks.Implementation.RUNTIME_AD;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The suite's report, in Markdown: the time of every implementation, the ratios the issue sets
 * targets for, and a summary of each target against what was measured. Every ratio comes from
 * measurements of one run; missing measurements (a filtered run) print as "–".
 */
public final class RatioTable {
    private final List<Measurement> measurements;
    private final List<String> functions;

    public RatioTable(List<Measurement> measurements, List<String> functions) {
        this.measurements = List.copyOf(measurements);
        this.functions = List.copyOf(functions);
    }

    /** The whole report. */
    public String markdown() {
        return times() + "\n" + ratios() + "\n" + summary();
    }

    /** Mean time per call of every implementation. */
    String times() {
        StringBuilder out = new StringBuilder("Time per call, µs (mean ± 99.9% confidence half-width):\n\n");
        List<Implementation> columns = Arrays.asList(Implementation.values());
        out.append("| function | size |");
        columns.forEach(i -> out.append(' ').append(i.label()).append(" |"));
        out.append('\n').append("|---|---|").append("---:|".repeat(columns.size())).append('\n');
        for (String function : functions) {
            for (Size size : Size.values()) {
                if (find(function, size, FORWARD).isEmpty() && find(function, size, GENERATED_VALUE_AND_GRAD).isEmpty()) {
                    continue;
                }
                out.append("| ").append(function).append(" | ").append(size.label()).append(" |");
                for (Implementation i : columns) {
                    out.append(' ').append(find(function, size, i).map(m -> Ratio.format(m.micros(), m.error())).orElse("–")).append(" |");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The ratios per function and size. */
    String ratios() {
        StringBuilder out = new StringBuilder("Ratios of mean times (± propagated error) and allocation per call:\n\n");
        out.append("| function | size | v+g / expert | v+g / forward | FD / grad | AD / v+g | v+g B/call | expert B/call |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows()) {
            out.append("| ").append(row.function).append(" | ").append(row.size.label())
                    .append(" | ").append(format(row.versusExpert))
                    .append(" | ").append(format(row.versusForward))
                    .append(" | ").append(format(row.finiteDifferences))
                    .append(" | ").append(format(row.runtimeAd))
                    .append(" | ").append(bytes(row.function, row.size, GENERATED_VALUE_AND_GRAD))
                    .append(" | ").append(bytes(row.function, row.size, EXPERT_VALUE_AND_GRAD))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** Each of the targets against the measurements. */
    String summary() {
        List<Row> rows = rows();
        StringBuilder out = new StringBuilder("Against the targets (v+g is the generated value-and-gradient):\n\n");
        out.append("| ratio | target | measured | met |\n|---|---|---|---|\n");
        target(out, "v+g / expert, median", "≤ 1.05", median(rows, r -> r.versusExpert), x -> x <= 1.05);
        Optional<Row> worst = rows.stream().filter(r -> r.versusExpert != null)
                .max(Comparator.comparingDouble(r -> r.versusExpert.value()));
        target(out, "v+g / expert, worst" + worst.map(r -> " (" + r.function + ", " + r.size.label() + ")").orElse(""),
                "≤ 1.25", worst.map(r -> r.versusExpert.value()), x -> x <= 1.25);
        target(out, "v+g / forward, median", "≤ 2.5", median(rows, r -> r.versusForward), x -> x <= 2.5);
        Optional<Row> fd = rows.stream().filter(r -> r.finiteDifferences != null)
                .min(Comparator.comparingDouble(r -> r.finiteDifferences.value()));
        target(out, "finite differences / generated grad, smallest" + fd.map(r -> " (" + r.function + ")").orElse(""),
                "≥ 30", fd.map(r -> r.finiteDifferences.value()), x -> x >= 30);
        Optional<Row> ad = rows.stream().filter(r -> r.runtimeAd != null)
                .min(Comparator.comparingDouble(r -> r.runtimeAd.value()));
        target(out, "runtime AD / v+g, smallest" + ad.map(r -> " (" + r.function + ")").orElse(""),
                "≥ 100", ad.map(r -> r.runtimeAd.value()), x -> x >= 100);
        Optional<Measurement> allocating = measurements.stream()
                .filter(m -> m.implementation() == GENERATED_VALUE_AND_GRAD && !Double.isNaN(m.bytesPerCall()))
                .max(Comparator.comparingDouble(Measurement::bytesPerCall));
        target(out, "v+g allocation, B/call, largest" + allocating.map(m -> " (" + m.function() + ", " + m.size().label() + ")").orElse(""),
                "≈ 0", allocating.map(Measurement::bytesPerCall), x -> x < 64);
        return out.toString();
    }

    private record Row(String function, Size size, Ratio versusExpert, Ratio versusForward,
            Ratio finiteDifferences, Ratio runtimeAd) {}

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String function : functions) {
            for (Size size : Size.values()) {
                Ratio versusExpert = ratio(function, size, GENERATED_VALUE_AND_GRAD, EXPERT_VALUE_AND_GRAD);
                Ratio versusForward = ratio(function, size, GENERATED_VALUE_AND_GRAD, FORWARD);
                Ratio finiteDifferences = ratio(function, size, FINITE_DIFFERENCES, GENERATED_GRAD);
                Ratio runtimeAd = ratio(function, size, RUNTIME_AD, GENERATED_VALUE_AND_GRAD);
                if (versusExpert != null || versusForward != null || finiteDifferences != null || runtimeAd != null) {
                    rows.add(new Row(function, size, versusExpert, versusForward, finiteDifferences, runtimeAd));
                }
            }
        }
        return rows;
    }

    private Ratio ratio(String function, Size size, Implementation numerator, Implementation denominator) {
        Optional<Measurement> n = find(function, size, numerator);
        Optional<Measurement> d = find(function, size, denominator);
        return n.isPresent() && d.isPresent() ? Ratio.of(n.get(), d.get()) : null;
    }

    private Optional<Measurement> find(String function, Size size, Implementation implementation) {
        return measurements.stream()
                .filter(m -> m.function().equals(function) && m.size() == size && m.implementation() == implementation)
                .findFirst();
    }

    private String bytes(String function, Size size, Implementation implementation) {
        return find(function, size, implementation)
                .map(Measurement::bytesPerCall)
                .filter(b -> !Double.isNaN(b))
                .map(b -> String.format(Locale.ROOT, "%.0f", b))
                .orElse("–");
    }

    private static String format(Ratio ratio) {
        return ratio == null ? "–" : ratio.format();
    }

    private static Optional<Double> median(List<Row> rows, java.util.function.Function<Row, Ratio> column) {
        double[] values = rows.stream().map(column).filter(r -> r != null).mapToDouble(Ratio::value).sorted().toArray();
        if (values.length == 0) {
            return Optional.empty();
        }
        int mid = values.length / 2;
        return Optional.of(values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2);
    }

    private static void target(StringBuilder out, String what, String target, Optional<Double> measured, Predicate<Double> met) {
        out.append("| ").append(what).append(" | ").append(target).append(" | ")
                .append(measured.map(Ratio::format).orElse("–")).append(" | ")
                .append(measured.map(x -> met.test(x) ? "yes" : "**no**").orElse("–")).append(" |\n");
    }
}
