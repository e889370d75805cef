package io.matgrad.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The whole measurement in one command ({@code java -jar benchmarks/target/benchmarks.jar}): one
 * JMH run of {@link GradientBenchmarks} and {@link BaselineBenchmarks} with the GC profiler, the
 * ratio table computed from it, then the processor's compile-time cost. Prints the report as
 * Markdown and writes it, with JMH's JSON, to the output directory.
 *
 * <pre>
 * --quick               one short iteration each: checks the pipeline, measures nothing
 * --functions a,b       only these functions (default: all, see {@link Problems#names()})
 * --out DIR             where report.md and jmh-result.json go (default: benchmarks/target if
 *                       it exists, else the working directory)
 * --no-processor-cost   skip the compile-time measurement
 * </pre>
 *
 * Budget (the default): 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement per benchmark; about 20
 * minutes on two cores.
 */
public final class Suite {
    private Suite() {}

    public static void main(String[] args) throws RunnerException, IOException {
        boolean quick = false;
        boolean processorCost = true;
        List<String> functions = Problems.names();
        Path out = Files.isDirectory(Path.of("benchmarks/target")) ? Path.of("benchmarks/target") : Path.of(".");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--no-processor-cost" -> processorCost = false;
                case "--functions" -> functions = Arrays.asList(args[++i].split(","));
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("Unknown option " + args[i] + "; see the Javadoc of " + Suite.class.getName());
                    System.exit(2);
                }
            }
        }
        functions.forEach(f -> Problems.create(f, Size.SMALL)); // fails fast on a misspelt name
        Files.createDirectories(out);
        Path json = out.resolve("jmh-result.json");

        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("\\." + GradientBenchmarks.class.getSimpleName() + "\\.")
                .include("\\." + BaselineBenchmarks.class.getSimpleName() + "\\.")
                .param("function", functions.toArray(String[]::new))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .result(json.toString())
                .resultFormat(ResultFormatType.JSON)
                .forks(1);
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        } else {
            options.warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();

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
        System.out.println("Written: " + out.resolve("report.md") + ", " + json);
    }
}
