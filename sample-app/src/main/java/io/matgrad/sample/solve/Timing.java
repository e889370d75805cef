package io.matgrad.sample.solve;

import java.util.function.Function;

/** Wall-clock times of solver runs: the fastest of a few, so that JIT compilation does not count. */
public final class Timing {
    private Timing() {}

    /**
     * Runs {@code solve} with {@code progress} (printing or recording it), then {@code repeats}
     * times silently, and returns the first run with the shortest time of the silent ones.
     */
    public static Run measure(Progress progress, int repeats, Function<Progress, Run> solve) {
        Run shown = solve.apply(progress);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            solve.apply(Progress.silent());
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return shown.withMillis(best);
    }
}
