package io.matgrad.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.sample.solve.Run;
import io.matgrad.sample.solve.Timing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the sample app's fits in process, as {@code Main} does (timing each solve once only),
 * and holds them to what the README says they do.
 */
class SampleAppTest {
    private static Main.Outcome outcome;
    private static String output;

    @BeforeAll
    static void runTheApp() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        outcome = Main.run(new PrintStream(buffer, true, StandardCharsets.UTF_8), Timing.ONCE);
        output = buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCheckPasses() {
        for (Checks checks : outcome.checks()) {
            assertEquals(List.of(), checks.failures(), output);
        }
        assertTrue(outcome.passed());
        assertTrue(output.contains("All 24 checks passed"), output);
    }

    @Test
    void everyRunConvergesWithItsLossDecreasing() {
        for (Run run : outcome.runs()) {
            String name = run.solver() + " with " + run.derivatives();
            assertTrue(run.converged(), name);
            double[] losses = run.losses();
            assertTrue(losses.length >= 3, name + " recorded " + losses.length + " losses");
            for (int i = 1; i < losses.length; i++) {
                assertTrue(losses[i] <= losses[i - 1] * (1 + 1e-12), name + " rose at iteration " + i);
            }
            assertTrue(losses[losses.length - 1] < 0.5 * losses[0], name + " hardly decreased");
            assertEquals(losses[losses.length - 1], run.loss(), 1e-9 * Math.abs(run.loss()), name);
        }
    }

    @Test
    void centralDifferencesReachTheSameLossInMoreCalls() {
        List<Run> runs = outcome.runs();
        int pairs = 0;
        for (Run matgrad : runs) {
            for (Run differences : runs) {
                if (matgrad.derivatives().equals("matgrad") && differences.derivatives().equals("central differences")
                        && matgrad.solver().equals(differences.solver()) && sameFit(matgrad, differences)) {
                    pairs++;
                    assertEquals(matgrad.loss(), differences.loss(), 1e-9 * Math.abs(matgrad.loss()), matgrad.solver());
                    assertTrue(matgrad.calls() * 2 < differences.calls(),
                            matgrad.solver() + ": " + matgrad.calls() + " calls, differences " + differences.calls());
                }
            }
        }
        assertEquals(5, pairs); // BFGS and Newton for the logistic regression, BFGS for the covariance, LM twice
    }

    @Test
    void logisticRegressionClassifiesChinstrapsAndItsSolversAgree() {
        LogisticRegressionFit.Result logistic = outcome.logistic();
        assertTrue(logistic.accuracy() >= 0.97 && logistic.accuracy() < 1, "accuracy " + logistic.accuracy());
        assertEquals(logistic.newton().loss(), logistic.bfgs().loss(), 1e-10 * logistic.newton().loss());
        assertEquals(logistic.newton().loss(), logistic.newtonCg().loss(), 1e-10 * logistic.newton().loss());
        assertTrue(Design.maxAbsDifference(logistic.newton().solution(), logistic.bfgs().solution()) < 1e-5);
        assertTrue(logistic.newton().iterations() <= 10, "Newton took " + logistic.newton().iterations());
    }

    @Test
    void theFittedCovarianceIsTheSampleCovariance() {
        CovarianceFit.Result covariance = outcome.covariance();
        assertTrue(covariance.relativeError() < 1e-6, "relative error " + covariance.relativeError());
        // standardised data: the diagonal is (n − 1) / n
        assertEquals(341.0 / 342, covariance.covariance().get(2, 2), 1e-6);
    }

    @Test
    void theCurvesFitWithinStatedErrors() {
        LifeExpectancyFit.Result life = outcome.lifeExpectancy();
        assertTrue(life.rmse() > 4 && life.rmse() < 5, "life expectancy RMSE " + life.rmse());
        assertTrue(life.theta().get(1) > 0 && life.theta().get(2) > 0, "life expectancy rises with income");
        Co2TrendFit.Result co2 = outcome.co2();
        assertTrue(co2.rmse() > 0.5 && co2.rmse() < 1, "CO2 RMSE " + co2.rmse());
        assertTrue(co2.theta().get(6) > 0, "CO2 rises");
    }

    @Test
    void theOutputShowsProgressAndASideBySideTable() {
        for (String expected : List.of("1. Is it a Chinstrap?", "2. The covariance", "3. Life expectancy",
                "4. The Keeling curve", "DDogleg BFGS, matgrad", "Newton, Hessian by matgrad",
                "Newton-CG, Hessian-vector products by matgrad", "DDogleg Levenberg-Marquardt, Jacobian by matgrad",
                "central differences", "training accuracy 98.0%")) {
            assertTrue(output.contains(expected), "missing: " + expected + "\n" + output);
        }
        assertFalse(output.contains("FAILED"), output);
    }

    @Test
    void aFailedCheckIsReportedAndFailsTheOutcome() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Checks checks = new Checks(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        checks.check(true, "fine");
        checks.check(false, "RMSE %.1f < %.1f", 7.0, 5.0);
        assertFalse(checks.passed());
        assertEquals(List.of("RMSE 7.0 < 5.0"), checks.failures());
        assertTrue(buffer.toString(StandardCharsets.UTF_8).contains("✗ FAILED: RMSE 7.0 < 5.0"));
    }

    /** Two runs of the same solver on the same problem: the one just before the other in the fit's list. */
    private static boolean sameFit(Run a, Run b) {
        for (List<Run> fit : List.of(outcome.logistic().runs(), outcome.covariance().runs(),
                outcome.lifeExpectancy().runs(), outcome.co2().runs())) {
            if (fit.contains(a) && fit.contains(b)) {
                return true;
            }
        }
        return false;
    }
}
