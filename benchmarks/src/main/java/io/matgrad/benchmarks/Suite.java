package io.matgrad.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The whole measurement in one command ({@code java -jar benchmarks/target/benchmarks.jar}): JMH
 * runs {@link GradientBenchmarks} and {@link BaselineBenchmarks} with the GC profiler, function by
 * function, the ratio table is computed from that one session, then the processor's compile-time
 * cost is measured. Prints the report as Markdown and writes it, with JMH's JSON, to the output
 * directory.
 *
 * <p>A jar built with {@code -Ppeers} also has the peers' benchmark classes ({@link Peers}): the
 * suite then checks each peer's value and gradients against matgrad's on every function and size
 * it can express before it measures anything, and measures the peers in the same JMH runs as the
 * rest, at both sizes.
 *
 * <pre>
 * --quick               one short iteration each: checks the pipeline, measures nothing
 * --short               1 fork, 2 × 0.5 s warm-up and 3 × 0.5 s measurement: rough figures in a
 *                       third of the time (JMH's 99.9% errors from 3 iterations are wide)
 * --functions a,b       only these functions (default: all, see {@link Problems#names()})
 * --out DIR             where report.md and jmh/*.json go (default: benchmarks/target if it
 *                       exists, else the working directory)
 * --no-processor-cost   skip the compile-time measurement
 * --no-peers            leave out the peers of a jar built with -Ppeers
 * </pre>
 *
 * Budget (the default): 2 forks, each 3 × 0.5 s warm-up and 5 × 0.5 s measurement, per benchmark:
 * about 25 minutes on two cores. Two short forks rather than one long one, because on a shared
 * machine the time of the same code differs more from fork to fork than from iteration to
 * iteration, and the confidence interval should show it.
 */
public final class Suite {
    private Suite() {}

    public static void main(String[] args) throws RunnerException, IOException {
        boolean quick = false;
        boolean rough = false;
        boolean processorCost = true;
        boolean peers = true;
        List<String> functions = Problems.names();
        Path out = Files.isDirectory(Path.of("benchmarks/target")) ? Path.of("benchmarks/target") : Path.of(".");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--short" -> rough = true;
                case "--no-processor-cost" -> processorCost = false;
                case "--no-peers" -> peers = false;
                case "--functions" -> functions = Arrays.asList(args[++i].split(","));
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("Unknown option " + args[i] + "; see the Javadoc of " + Suite.class.getName());
                    System.exit(2);
                }
            }
        }
        functions.forEach(f -> Problems.create(f, Size.SMALL)); // fails fast on a misspelt name
        Files.createDirectories(out.resolve("jmh"));
        Collection<Peers.Peer> measuredPeers = peers ? Peers.available().values() : List.of();
        checkPeers(measuredPeers, functions);

        // One JMH runner per function and size, so that the implementations compared in a ratio
        // run within a minute or two of each other: on a shared machine the background load
        // drifts over the half hour of the whole suite, and JMH would otherwise run each
        // implementation of every function before the next implementation of any.
        List<RunResult> results = new ArrayList<>();
        for (String function : functions) {
            for (Size size : Size.values()) {
                results.addAll(new Runner(options(function, size, quick, rough, out, measuredPeers).build()).run());
            }
        }

        List<String> report = new ArrayList<>();
        report.add("## Run time\n\n" + new RatioTable(Measurement.of(results), functions).markdown());
        if (processorCost) {
            ProcessorCost.Result cost = quick ? new ProcessorCost().measure(100, 1, 1) : new ProcessorCost().measure(100, 8, 15);
            report.add("## Compile time\n\n" + cost.markdown());
        }
        String markdown = String.join("\n", report);
        System.out.println();
        System.out.println(markdown);
        Files.writeString(out.resolve("report.md"), markdown);
        System.out.println("Written: " + out.resolve("report.md") + ", JMH's results in " + out.resolve("jmh"));
    }

    /**
     * Before any measurement, every peer against matgrad on every function and size it can
     * express, in this JVM (each fork checks its own again before it times anything).
     */
    private static void checkPeers(Collection<Peers.Peer> peers, List<String> functions) {
        for (Peers.Peer peer : peers) {
            List<String> checked = functions.stream().filter(peer.functions()::contains).toList();
            for (String function : checked) {
                for (Size size : Size.values()) {
                    peer.check(function, size);
                }
            }
            List<String> inexpressible = functions.stream().filter(f -> !peer.functions().contains(f)).toList();
            System.out.printf(Locale.ROOT, "%s: value and gradients agree with matgrad's within %.0e (relative) on %s at both sizes%s%n",
                    peer.implementation().label(), Peers.TOLERANCE, checked,
                    inexpressible.isEmpty() ? "" : "; not measured on " + inexpressible + ", which it cannot express");
        }
    }

    /** JMH's options for one function at one size: the baselines only at the small size, the peers at both. */
    private static ChainedOptionsBuilder options(String function, Size size, boolean quick, boolean rough, Path out,
            Collection<Peers.Peer> peers) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("\\." + GradientBenchmarks.class.getSimpleName() + "\\.")
                .param("function", function)
                .param("size", size.label())
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .result(out.resolve("jmh/" + function + "-" + size.label() + ".json").toString())
                .resultFormat(ResultFormatType.JSON)
                .forks(quick || rough ? 1 : 2);
        if (size == Size.SMALL) {
            options.include("\\." + BaselineBenchmarks.class.getSimpleName() + "\\.");
        }
        for (Peers.Peer peer : peers) {
            if (peer.functions().contains(function)) {
                options.include("\\." + peer.benchmarks().getSimpleName() + "\\.");
            }
        }
        if (quick) {
            return options.warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        }
        if (rough) {
            return options.warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
        }
        return options.warmupIterations(3).warmupTime(TimeValue.milliseconds(500))
                .measurementIterations(5).measurementTime(TimeValue.milliseconds(500));
    }
}
