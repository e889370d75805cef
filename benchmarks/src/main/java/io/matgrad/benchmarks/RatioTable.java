package io.matgrad.benchmarks;

import static io.matgrad.benchmarks.Implementation.EXPERT_VALUE_AND_GRAD;
import static io.matgrad.benchmarks.Implementation.FINITE_DIFFERENCES;
import static io.matgrad.benchmarks.Implementation.FORWARD;
import static io.matgrad.benchmarks.Implementation.GENERATED_GRAD;
import static io.matgrad.benchmarks.Implementation.GENERATED_VALUE_AND_GRAD;
import static io.matgrad.benchmarks.Implementation.RUNTIME_AD;
import static io.matgrad.benchmarks.Implementation.WORKSPACE_VALUE;
import static io.matgrad.benchmarks.Implementation.WORKSPACE_VALUE_AND_GRAD;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

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

    /** The whole report; the peers' table only when a peer was measured (a jar built with -Ppeers). */
    public String markdown() {
        String peers = peers();
        return times() + "\n" + ratios() + (peers.isEmpty() ? "" : "\n" + peers) + "\n" + summary();
    }

    /** Mean time per call of every implementation. */
    String times() {
        StringBuilder out = new StringBuilder("Time per call, µs (mean ± 99.9% confidence half-width):\n\n");
        List<Implementation> columns = Arrays.stream(Implementation.values()).filter(i -> !i.isPeer() || measured(i)).toList();
        out.append("| function | size |");
        columns.forEach(i -> out.append(' ').append(i.label()).append(" |"));
        out.append('\n').append("|---|---|").append("---:|".repeat(columns.size())).append('\n');
        for (String function : functions) {
            for (Size size : Size.values()) {
                if (columns.stream().allMatch(i -> find(function, size, i).isEmpty())) {
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
        StringBuilder out = new StringBuilder("""
                Ratios of mean times (± propagated error), and bytes allocated per call; v+g is the \
                generated workspace's valueAndGrad, static v+g the generated static method:

                """);
        out.append("| function | size | v+g / expert | static v+g / expert | v+g / forward | v+g / value "
                + "| FD / grad | AD / v+g | v+g B/call | static v+g B/call | expert B/call |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows()) {
            out.append("| ").append(row.function).append(" | ").append(row.size.label())
                    .append(" | ").append(format(row.versusExpert))
                    .append(" | ").append(format(row.staticVersusExpert))
                    .append(" | ").append(format(row.versusForward))
                    .append(" | ").append(format(row.versusValue))
                    .append(" | ").append(format(row.finiteDifferences))
                    .append(" | ").append(format(row.runtimeAd))
                    .append(" | ").append(bytes(row.function, row.size, WORKSPACE_VALUE_AND_GRAD))
                    .append(" | ").append(bytes(row.function, row.size, GENERATED_VALUE_AND_GRAD))
                    .append(" | ").append(bytes(row.function, row.size, EXPERT_VALUE_AND_GRAD))
                    .append(" |\n");
        }
        return out.toString();
    }

    /**
     * Each measured peer against matgrad's generated workspace valueAndGrad, per function and size,
     * the fastest of them there, and a line per peer saying where it wins. Empty when no peer was
     * measured.
     */
    String peers() {
        List<Implementation> peers = Arrays.stream(Implementation.values()).filter(i -> i.isPeer() && measured(i)).toList();
        if (peers.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("""
                Peers, one thread each, float64: the peer's time for the value and gradients over v+g's (± propagated \
                error; below 1 the peer is faster), and the fastest tool, with those within the error of it after "≈":

                """);
        out.append("| function | size |");
        peers.forEach(p -> out.append(' ').append(p.label()).append(" / v+g |"));
        out.append(" fastest |\n|---|---|").append("---:|".repeat(peers.size())).append("---|\n");
        for (String function : functions) {
            for (Size size : Size.values()) {
                if (find(function, size, WORKSPACE_VALUE_AND_GRAD).isEmpty() || peers.stream().allMatch(p -> find(function, size, p).isEmpty())) {
                    continue;
                }
                out.append("| ").append(function).append(" | ").append(size.label()).append(" |");
                peers.forEach(p -> out.append(' ').append(format(ratio(function, size, p, WORKSPACE_VALUE_AND_GRAD))).append(" |"));
                out.append(' ').append(fastest(function, size, peers)).append(" |\n");
            }
        }
        out.append('\n');
        peers.forEach(p -> out.append(wins(p)).append('\n'));
        return out.toString();
    }

    /** "matgrad", or the peer, with the tools whose time is within the error of the fastest's after "≈". */
    private String fastest(String function, Size size, List<Implementation> peers) {
        List<Measurement> tools = new ArrayList<>();
        find(function, size, WORKSPACE_VALUE_AND_GRAD).ifPresent(tools::add);
        peers.forEach(p -> find(function, size, p).ifPresent(tools::add));
        tools.sort(Comparator.comparingDouble(Measurement::micros));
        Measurement first = tools.get(0);
        StringBuilder names = new StringBuilder(tool(first.implementation()));
        for (Measurement other : tools.subList(1, tools.size())) {
            if (comparison(Ratio.of(other, first)) == 0) {
                names.append(" ≈ ").append(tool(other.implementation()));
            }
        }
        return names.toString();
    }

    private static String tool(Implementation implementation) {
        return implementation == WORKSPACE_VALUE_AND_GRAD ? "matgrad" : implementation.label();
    }

    /** Where {@code peer} is faster than matgrad, at parity, and slower: one Markdown list item. */
    private String wins(Implementation peer) {
        List<String> faster = new ArrayList<>();
        List<String> parity = new ArrayList<>();
        List<Ratio> slower = new ArrayList<>();
        List<String> unmeasured = new ArrayList<>();
        for (String function : functions) {
            for (Size size : Size.values()) {
                Ratio r = ratio(function, size, peer, WORKSPACE_VALUE_AND_GRAD);
                if (r == null) {
                    if (find(function, size, WORKSPACE_VALUE_AND_GRAD).isPresent()) {
                        unmeasured.add(function + " " + size.label());
                    }
                    continue;
                }
                String where = function + " " + size.label() + " (" + r.format() + ")";
                switch (comparison(r)) {
                    case -1 -> faster.add(where);
                    case 0 -> parity.add(where);
                    default -> slower.add(r);
                }
            }
        }
        DoubleSummaryStatistics slowdown = slower.stream().mapToDouble(Ratio::value).summaryStatistics();
        return "- " + peer.label() + " is faster than matgrad at: " + (faster.isEmpty() ? "none" : String.join(", ", faster))
                + "; at parity at: " + (parity.isEmpty() ? "none" : String.join(", ", parity))
                + "; slower at: " + (slower.isEmpty() ? "none" : (faster.isEmpty() && parity.isEmpty() ? "all " : "the other ") + slower.size()
                        + " (" + (slower.size() == 1 ? "" : Ratio.format(slowdown.getMin()) + " to ")
                        + Ratio.format(slowdown.getMax()) + "× matgrad's time)")
                + (unmeasured.isEmpty() ? "" : "; not measured at: " + String.join(", ", unmeasured)) + ".";
    }

    /** −1 if the ratio is below 1 beyond its error, 1 if above, 0 if 1 is within its error (or it has no error estimate and is 1). */
    private static int comparison(Ratio r) {
        double error = Double.isNaN(r.error()) ? 0 : r.error();
        return r.value() + error < 1 ? -1 : r.value() - error > 1 ? 1 : 0;
    }

    private boolean measured(Implementation implementation) {
        return measurements.stream().anyMatch(m -> m.implementation() == implementation);
    }

    /** Each of the targets against the measurements. */
    String summary() {
        List<Row> rows = rows();
        StringBuilder out = new StringBuilder("Against the targets (v+g is the generated workspace's valueAndGrad):\n\n");
        out.append("| ratio | target | measured | met |\n|---|---|---|---|\n");
        target(out, "v+g / expert, median", "≤ 1.05", median(rows, Row::versusExpert), x -> x <= 1.05);
        Optional<Row> worst = extreme(rows, Row::versusExpert, true);
        target(out, "v+g / expert, worst" + where(worst), "≤ 1.25", worst.map(r -> r.versusExpert.value()), x -> x <= 1.25);
        target(out, "v+g / forward, median", "≤ 2.5", median(rows, Row::versusForward), x -> x <= 2.5);
        Optional<Row> fd = extreme(rows, Row::finiteDifferences, false);
        target(out, "finite differences / generated grad, smallest" + where(fd), "≥ 30",
                fd.map(r -> r.finiteDifferences.value()), x -> x >= 30);
        Optional<Row> ad = extreme(rows, Row::runtimeAd, false);
        target(out, "runtime AD / v+g, smallest" + where(ad), "≥ 100", ad.map(r -> r.runtimeAd.value()), x -> x >= 100);
        // The expert allocates nothing, so what JMH measures for it is the floor of the measurement
        // (JMH's own per-iteration allocations, spread over the calls); compare against that.
        Optional<Measurement> excess = measurements.stream()
                .filter(m -> m.implementation() == WORKSPACE_VALUE_AND_GRAD && !Double.isNaN(m.bytesPerCall()))
                .max(Comparator.comparingDouble(this::allocationBeyondExpert));
        target(out, "v+g allocation beyond the expert's, B/call, largest" + excess.map(m -> where(m.function(), m.size())).orElse(""),
                "≈ 0", excess.map(this::allocationBeyondExpert), x -> x < 64);
        Optional<Measurement> staticAllocation = measurements.stream()
                .filter(m -> m.implementation() == GENERATED_VALUE_AND_GRAD && !Double.isNaN(m.bytesPerCall()))
                .max(Comparator.comparingDouble(Measurement::bytesPerCall));
        target(out, "static v+g allocation, B/call, largest" + staticAllocation.map(m -> where(m.function(), m.size())).orElse(""),
                "(reported)", staticAllocation.map(Measurement::bytesPerCall), null);
        return out.toString();
    }

    private double allocationBeyondExpert(Measurement workspace) {
        double expert = find(workspace.function(), workspace.size(), EXPERT_VALUE_AND_GRAD)
                .map(Measurement::bytesPerCall).filter(b -> !Double.isNaN(b)).orElse(0.0);
        return workspace.bytesPerCall() - expert;
    }

    private record Row(String function, Size size, Ratio versusExpert, Ratio staticVersusExpert,
            Ratio versusForward, Ratio versusValue, Ratio finiteDifferences, Ratio runtimeAd) {}

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String function : functions) {
            for (Size size : Size.values()) {
                Row row = new Row(function, size,
                        ratio(function, size, WORKSPACE_VALUE_AND_GRAD, EXPERT_VALUE_AND_GRAD),
                        ratio(function, size, GENERATED_VALUE_AND_GRAD, EXPERT_VALUE_AND_GRAD),
                        ratio(function, size, WORKSPACE_VALUE_AND_GRAD, FORWARD),
                        ratio(function, size, WORKSPACE_VALUE_AND_GRAD, WORKSPACE_VALUE),
                        ratio(function, size, FINITE_DIFFERENCES, GENERATED_GRAD),
                        ratio(function, size, RUNTIME_AD, WORKSPACE_VALUE_AND_GRAD));
                if (Stream.of(row.versusExpert, row.staticVersusExpert, row.versusForward, row.versusValue,
                        row.finiteDifferences, row.runtimeAd).anyMatch(r -> r != null)) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static Optional<Row> extreme(List<Row> rows, Function<Row, Ratio> column, boolean largest) {
        Comparator<Row> order = Comparator.comparingDouble(r -> column.apply(r).value());
        Stream<Row> measured = rows.stream().filter(r -> column.apply(r) != null);
        return largest ? measured.max(order) : measured.min(order);
    }

    private static String where(Optional<Row> row) {
        return row.map(r -> where(r.function, r.size)).orElse("");
    }

    /** Which measurement a summary figure comes from: " (function, size)". */
    private static String where(String function, Size size) {
        return " (" + function + ", " + size.label() + ")";
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

    private static Optional<Double> median(List<Row> rows, Function<Row, Ratio> column) {
        double[] values = rows.stream().map(column).filter(r -> r != null).mapToDouble(Ratio::value).sorted().toArray();
        if (values.length == 0) {
            return Optional.empty();
        }
        int mid = values.length / 2;
        return Optional.of(values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2);
    }

    /** A summary row; {@code met} is null for a figure that is only reported. */
    private static void target(StringBuilder out, String what, String target, Optional<Double> measured, Predicate<Double> met) {
        out.append("| ").append(what).append(" | ").append(target).append(" | ")
                .append(measured.map(Ratio::format).orElse("–")).append(" | ")
                .append(measured.filter(x -> met != null).map(x -> met.test(x) ? "yes" : "**no**").orElse("–")).append(" |\n");
    }
}
