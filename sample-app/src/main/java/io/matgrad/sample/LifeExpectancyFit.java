package io.matgrad.sample;

import io.matgrad.sample.data.Gapminder;
import io.matgrad.sample.solve.LeastSquares;
import io.matgrad.sample.solve.LevenbergMarquardt;
import io.matgrad.sample.solve.Progress;
import io.matgrad.sample.solve.Run;
import io.matgrad.sample.solve.Timing;
import java.io.PrintStream;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Life expectancy against log income across 187 countries, a logistic curve
 * {@code a + b σ(c (log income − d))} ({@link Models#lifeExpectancyResiduals}) fitted by DDogleg's
 * Levenberg-Marquardt with the generated Jacobian, one column per parameter, and again with a
 * Jacobian by central differences. The solver's parameter vector is θ = (a, b, c, d).
 */
public final class LifeExpectancyFit {
    /** The root-mean-square error the fit must reach, in years (it reaches 4.54). */
    static final double MAX_RMSE = 5.0;

    /** What the fit found: θ = (a, b, c, d) and the root-mean-square error in years. */
    public record Result(Run lm, Run lmDifferences, DMatrixRMaj theta, double rmse, Checks checks) {
        public List<Run> runs() {
            return List.of(lm, lmDifferences);
        }
    }

    private final Gapminder gapminder = Gapminder.load();
    private final DMatrixRMaj t = gapminder.logIncome();
    private final DMatrixRMaj y = gapminder.lifeExpectancy();
    private final int m = gapminder.size();
    private final DMatrixRMaj ones = Design.ones(m);
    /** From the data: the lowest life expectancy, the range above it, a unit slope, the mean log income. */
    private final DMatrixRMaj start = new DMatrixRMaj(4, 1, true, CommonOps_DDRM.elementMin(y),
            CommonOps_DDRM.elementMax(y) - CommonOps_DDRM.elementMin(y), 1.0, CommonOps_DDRM.elementSum(t) / m);
    private final ModelsGradients.LifeExpectancyResidualsWorkspace workspace =
            new ModelsGradients.LifeExpectancyResidualsWorkspace();

    /** The residuals at θ = (a, b, c, d), by the model's own method. */
    DMatrixRMaj residuals(DMatrixRMaj theta) {
        return Models.lifeExpectancyResiduals(t, y, ones, theta.get(0), theta.get(1), theta.get(2), theta.get(3));
    }

    /** The generated residuals and the Jacobian assembled from the four generated columns. */
    LeastSquares matgrad() {
        JacobianColumns jacobian = new JacobianColumns()
                .then((theta, column) -> workspace.jacobianA(t, y, ones, theta.get(0), theta.get(1), theta.get(2), theta.get(3), column))
                .then((theta, column) -> workspace.jacobianB(t, y, ones, theta.get(0), theta.get(1), theta.get(2), theta.get(3), column))
                .then((theta, column) -> workspace.jacobianC(t, y, ones, theta.get(0), theta.get(1), theta.get(2), theta.get(3), column))
                .then((theta, column) -> workspace.jacobianD(t, y, ones, theta.get(0), theta.get(1), theta.get(2), theta.get(3), column));
        return LeastSquares.generated(m, this::residuals,
                (theta, r) -> workspace.value(t, y, ones, theta.get(0), theta.get(1), theta.get(2), theta.get(3), r), jacobian);
    }

    LeastSquares centralDifferences() {
        return LeastSquares.centralDifferences(m, this::residuals);
    }

    public static Result run(PrintStream out, Timing timing) {
        return new LifeExpectancyFit().fit(out, timing);
    }

    private Result fit(PrintStream out, Timing timing) {
        out.printf("3. Life expectancy against income: a logistic curve by Levenberg-Marquardt%n%n");
        out.printf("    data   gapminder-health-income.csv: income per person and life expectancy of %d countries%n", m);
        out.printf("    model  Models.lifeExpectancyResiduals, rᵢ = a + b σ(c (log incomeᵢ − d)) − life expectancyᵢ%n");
        out.printf("           LM gets the %d x 4 Jacobian as the columns lifeExpectancyResidualsJacobianA, B, C, D%n%n", m);

        Run lm = timing.measure(Progress.printing(out, 1),
                progress -> LevenbergMarquardt.minimize(matgrad(), start, 200, progress));
        Run lmDifferences = timing.measure(Progress.recording(),
                progress -> LevenbergMarquardt.minimize(centralDifferences(), start, 200, progress));
        Report.table(out, List.of(lm, lmDifferences));

        DMatrixRMaj theta = lm.solution();
        double a = theta.get(0), b = theta.get(1), c = theta.get(2), d = theta.get(3);
        double rmse = Math.sqrt(lm.loss() / m);
        out.printf("%n    life expectancy = %.2f + %.2f σ(%.4f (log income − %.4f)): RMSE %.2f years%n", a, b, c, d, rmse);
        out.printf("    from %.1f years in the poorest countries to %.1f in the richest, halfway at $%,.0f a year;%n",
                a, a + b, Math.exp(d));
        out.printf("    at $1,000: %.1f years, at $10,000: %.1f, at $100,000: %.1f%n%n", curve(theta, 1_000),
                curve(theta, 10_000), curve(theta, 100_000));

        Checks checks = new Checks(out);
        double jacobianError = matgrad().jacobianError(start);
        checks.check(jacobianError < 1e-7, "generated Jacobian agrees with central differences (relative error %.0e)",
                jacobianError);
        checks.converged(List.of(lm, lmDifferences));
        double gap = Design.maxAbsDifference(theta, lmDifferences.solution());
        checks.check(gap < 1e-5, "central differences find the same curve: max |Δθ| %.0e", gap);
        checks.check(rmse < MAX_RMSE, "RMSE %.2f years < %.1f", rmse, MAX_RMSE);
        return new Result(lm, lmDifferences, theta, rmse, checks);
    }

    private static double curve(DMatrixRMaj theta, double income) {
        return theta.get(0) + theta.get(1) / (1 + Math.exp(-theta.get(2) * (Math.log(income) - theta.get(3))));
    }
}
