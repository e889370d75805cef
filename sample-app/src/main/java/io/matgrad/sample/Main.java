package io.matgrad.sample;

import io.matgrad.sample.solve.Run;
import io.matgrad.sample.solve.Timing;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample app: four fits on real data, each with a solver fed the derivatives matgrad generated
 * at compile time from {@link Models}, each compared with the same solve on central differences.
 * Exits with status 1 if a check fails.
 *
 * <ol>
 *   <li>{@link LogisticRegressionFit}: is a penguin a Chinstrap? DDogleg BFGS, Newton, Newton-CG.
 *   <li>{@link CovarianceFit}: the covariance of the penguin measurements by maximum likelihood, BFGS.
 *   <li>{@link LifeExpectancyFit}: life expectancy against log income, a logistic curve by
 *       Levenberg-Marquardt.
 *   <li>{@link Co2TrendFit}: the Mauna Loa CO2 record, exponential trend and seasons by
 *       Levenberg-Marquardt.
 * </ol>
 */
public final class Main {
    /** What a run of the app found. */
    public record Outcome(LogisticRegressionFit.Result logistic, CovarianceFit.Result covariance,
            LifeExpectancyFit.Result lifeExpectancy, Co2TrendFit.Result co2) {

        public List<Checks> checks() {
            return List.of(logistic.checks(), covariance.checks(), lifeExpectancy.checks(), co2.checks());
        }

        public List<Run> runs() {
            List<Run> runs = new ArrayList<>(logistic.runs());
            runs.addAll(covariance.runs());
            runs.addAll(lifeExpectancy.runs());
            runs.addAll(co2.runs());
            return runs;
        }

        public boolean passed() {
            return checks().stream().allMatch(Checks::passed);
        }
    }

    private Main() {}

    public static void main(String[] args) {
        // UTF-8 whatever the platform's default: the output has formulas in it
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Outcome outcome = run(out, Timing.DEFAULT);
        if (!outcome.passed()) {
            System.exit(1);
        }
    }

    /** Runs the four fits, printing to {@code out}, timing each solve as {@code timing} says. */
    public static Outcome run(PrintStream out, Timing timing) {
        long start = System.nanoTime();
        out.printf("matgrad sample: four fits on real data, with derivatives generated at compile time%n");
        out.printf("Each solve runs again on central differences of the model's own method (io.matgrad.runtime.GradientCheck).%n");
        out.printf("calls: of the loss, residuals or a generated derivative (matgrad), of the model's method (differences);%n");
        out.printf("time: the fastest of at least %d runs without printing.%n%n", timing.minRuns());
        LogisticRegressionFit.Result logistic = LogisticRegressionFit.run(out, timing);
        out.println();
        CovarianceFit.Result covariance = CovarianceFit.run(out, timing);
        out.println();
        LifeExpectancyFit.Result lifeExpectancy = LifeExpectancyFit.run(out, timing);
        out.println();
        Co2TrendFit.Result co2 = Co2TrendFit.run(out, timing);
        Outcome outcome = new Outcome(logistic, covariance, lifeExpectancy, co2);

        int checks = outcome.checks().stream().mapToInt(Checks::count).sum();
        List<String> failures = outcome.checks().stream().flatMap(c -> c.failures().stream()).toList();
        out.printf("%n%s%n", "-".repeat(100));
        double matgradTime = timeOf(outcome.runs(), "matgrad");
        double differencesTime = timeOf(outcome.runs(), "central differences");
        out.printf("Every solve that ran on both: %.1f ms with matgrad's derivatives, %.1f ms with central differences"
                + " (%.1f×).%n", matgradTime, differencesTime, differencesTime / matgradTime);
        if (failures.isEmpty()) {
            out.printf("All %d checks passed (%.1f s).%n", checks, (System.nanoTime() - start) / 1e9);
        } else {
            out.printf("%d of %d checks FAILED:%n", failures.size(), checks);
            failures.forEach(failure -> out.printf("  %s%n", failure));
        }
        return outcome;
    }

    /** The total time of the runs with derivatives from {@code source} whose solver ran on both sources. */
    private static double timeOf(List<Run> runs, String source) {
        return runs.stream()
                .filter(run -> run.derivatives().equals(source))
                .filter(run -> runs.stream().anyMatch(other -> other.solver().equals(run.solver())
                        && !other.derivatives().equals(run.derivatives())))
                .mapToDouble(Run::millis)
                .sum();
    }
}
