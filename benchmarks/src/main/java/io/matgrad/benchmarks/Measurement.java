package io.matgrad.benchmarks;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One JMH result of the suite: an implementation of a function at a size, its mean time per call
 * with JMH's error (the half-width of the 99.9% confidence interval), and the bytes it allocated
 * per call when the GC profiler ran (NaN otherwise).
 */
public record Measurement(String function, Size size, Implementation implementation,
        double micros, double error, double bytesPerCall) {

    /** The suite's measurements among JMH's results; results of other benchmarks are skipped. */
    public static List<Measurement> of(Collection<RunResult> results) {
        return results.stream().map(Measurement::of).flatMap(Optional::stream).toList();
    }

    private static Optional<Measurement> of(RunResult run) {
        String benchmark = run.getParams().getBenchmark();
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String function = run.getParams().getParam("function");
        String size = run.getParams().getParam("size");
        Optional<Implementation> implementation = Arrays.stream(Implementation.values())
                .filter(i -> i.benchmark().equals(method))
                .findFirst();
        if (function == null || size == null || implementation.isEmpty()) {
            return Optional.empty();
        }
        Result<?> primary = run.getPrimaryResult();
        return Optional.of(new Measurement(function, Size.of(size), implementation.get(),
                primary.getScore(), primary.getScoreError(), allocation(run)));
    }

    /** gc.alloc.rate.norm; JMH before 1.35 prefixed secondary results with a middle dot. */
    private static double allocation(RunResult run) {
        var secondary = run.getSecondaryResults();
        Result<?> r = secondary.getOrDefault("gc.alloc.rate.norm", secondary.get("·gc.alloc.rate.norm"));
        return r == null ? Double.NaN : r.getScore();
    }
}
