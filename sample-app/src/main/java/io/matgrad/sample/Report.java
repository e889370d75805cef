package io.matgrad.sample;

import io.matgrad.sample.solve.Run;
import java.io.PrintStream;
import java.util.List;

/** The side-by-side table of a fit's runs: matgrad's derivatives against central differences. */
final class Report {
    private Report() {}

    /**
     * One row per run; a run by central differences is compared with the matgrad run of the same
     * solver before it.
     */
    static void table(PrintStream out, List<Run> runs) {
        out.printf("    %-14s %-20s %-19s %5s %7s %10s%n", "solver", "derivatives", "final loss", "iter", "calls",
                "time");
        Run previous = null;
        for (Run run : runs) {
            String comparison = "";
            if (previous != null && previous.solver().equals(run.solver()) && !previous.derivatives().equals(run.derivatives())) {
                comparison = String.format("  %.1f× matgrad's time", run.millis() / previous.millis());
            }
            out.printf("    %-14s %-20s %-19.13g %5d %7d %7.2f ms%s%n", run.solver(), run.derivatives(), run.loss(),
                    run.iterations(), run.calls(), run.millis(), comparison);
            previous = run;
        }
    }
}
