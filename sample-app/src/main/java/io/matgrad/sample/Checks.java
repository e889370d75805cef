package io.matgrad.sample;

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
}
