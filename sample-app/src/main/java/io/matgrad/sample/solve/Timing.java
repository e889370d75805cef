package io.matgrad.sample.solve;

import java.util.function.Function;

/**
 * How solver runs are timed: each is repeated silently at least {@code minRuns} times and for at
 * least {@code minMillis} in all, and its time is the fastest repetition, so that neither JIT
 * compilation nor a stray pause counts.
 */
public record Timing(int minRuns, double minMillis) {
    /** What the app uses: at least 10 runs and 100 ms of each solve. */
    public static final Timing DEFAULT = new Timing(10, 100);
    /** One silent run, for tests: the times mean little. */
    public static final Timing ONCE = new Timing(1, 0);

    /**
     * Runs {@code solve} with {@code progress} (printing or recording it), then silently as this
     * timing says, and returns the first run with the shortest time of the silent ones.
     */
    public Run measure(Progress progress, Function<Progress, Run> solve) {
        Run shown = solve.apply(progress);
        double best = Double.POSITIVE_INFINITY;
        double total = 0;
        for (int runs = 0; runs < minRuns || total < minMillis; runs++) {
            long start = System.nanoTime();
            solve.apply(Progress.silent());
            double millis = (System.nanoTime() - start) / 1e6;
            best = Math.min(best, millis);
            total += millis;
        }
        return shown.withMillis(best);
    }
}
