package io.matgrad.sample;

import io.matgrad.sample.solve.Run;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The checks of one fit, printed as they pass or fail; a failed one fails the program. */
public final class Checks {
    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    private int count;

    public Checks(PrintStream out) {
        this.out = out;
    }

    /** Records and prints {@code String.format(format, args)} as passed or failed. */
    public boolean check(boolean passed, String format, Object... args) {
        String what = String.format(format, args);
        count++;
        if (!passed) {
            failures.add(what);
        }
        out.printf("    %s %s%n", passed ? "✓" : "✗ FAILED:", what);
        return passed;
    }

    /** Checks, run by run, that each converged with its recorded loss decreasing. */
    public void converged(List<Run> runs) {
        for (Run run : runs) {
            check(run.converged() && lossesDecrease(run), "%s with %s converged, the loss decreasing", run.solver(),
                    run.derivatives());
        }
    }

    /** Every check so far passed. */
    public boolean passed() {
        return failures.isEmpty();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public int count() {
        return count;
    }

    /** Whether a run's recorded losses never rose (beyond rounding) and ended below where they began. */
    private static boolean lossesDecrease(Run run) {
        double[] losses = run.losses();
        if (losses.length < 2 || !(losses[losses.length - 1] < losses[0])) {
            return false;
        }
        for (int i = 1; i < losses.length; i++) {
            if (losses[i] > losses[i - 1] + 1e-12 * Math.abs(losses[i - 1])) {
                return false;
            }
        }
        return true;
    }
}
