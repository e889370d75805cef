package io.matgrad.sample;

import io.matgrad.runtime.GradientCheck;
import io.matgrad.sample.data.Co2;
import io.matgrad.sample.solve.LeastSquares;
import io.matgrad.sample.solve.LevenbergMarquardt;
import io.matgrad.sample.solve.Progress;
import io.matgrad.sample.solve.Run;
import io.matgrad.sample.solve.Timing;
import java.io.PrintStream;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The Keeling curve: 62 years of monthly CO2 at Mauna Loa as a constant baseline, an exponential
 * rise and a yearly cycle of two harmonics ({@link Models#co2Residuals}), fitted by DDogleg's
 * Levenberg-Marquardt with the generated 741 x 7 Jacobian, and again with central differences.
 * The solver's parameter vector is θ = (β₀, s₁, c₁, s₂, c₂, A, k).
 *
 * <p>A linear term beside the exponential would improve the fit by 0.01 ppm only, and it would make
 * the problem nearly degenerate: the exponential and a line trade places (the Jacobian's condition
 * number goes from 10⁴ to 4·10⁶). So the trend is exponential over a constant.
 */
public final class Co2TrendFit {
    /** The root-mean-square error the fit must reach, in ppm (it reaches 0.74). */
    static final double MAX_RMSE = 1.0;
    private static final int PARAMETERS = 7;

    /** What the fit found: θ = (β₀, s₁, c₁, s₂, c₂, A, k) and the root-mean-square error in ppm. */
    public record Result(Run lm, Run lmDifferences, DMatrixRMaj theta, double rmse, Checks checks) {
        public List<Run> runs() {
            return List.of(lm, lmDifferences);
        }
    }

    private final Co2 co2 = Co2.load();
    private final int m = co2.size();
    private final DMatrixRMaj ppm = co2.ppm();
    /** Decades since 1958, the exponential's time: rates per decade are of order 1. */
    private final DMatrixRMaj decades = new DMatrixRMaj(m, 1);
    /** The design of the part linear in β: 1, sin 2πy, cos 2πy, sin 4πy, cos 4πy for the year y. */
    private final DMatrixRMaj B = new DMatrixRMaj(m, 5);
    /** 280 ppm, the pre-industrial level, no seasons, and 30 ppm rising by e every 5 decades. */
    private final DMatrixRMaj start = new DMatrixRMaj(PARAMETERS, 1, true, 280, 0, 0, 0, 0, 30, 0.2);
    private final ModelsGradients.Co2ResidualsWorkspace workspace = new ModelsGradients.Co2ResidualsWorkspace();
    /** β, the first five entries of θ, copied out for the calls that take it as a matrix. */
    private final DMatrixRMaj beta = new DMatrixRMaj(5, 1);

    Co2TrendFit() {
        DMatrixRMaj years = co2.years();
        for (int i = 0; i < m; i++) {
            double year = years.get(i);
            decades.set(i, 0, (year - 1958) / 10);
            B.set(i, 0, 1);
            B.set(i, 1, Math.sin(2 * Math.PI * year));
            B.set(i, 2, Math.cos(2 * Math.PI * year));
            B.set(i, 3, Math.sin(4 * Math.PI * year));
            B.set(i, 4, Math.cos(4 * Math.PI * year));
        }
    }

    /** β out of θ = (β, A, k). */
    private DMatrixRMaj beta(DMatrixRMaj theta) {
        System.arraycopy(theta.data, 0, beta.data, 0, 5);
        return beta;
    }

    /** The residuals at θ = (β, A, k), by the model's own method. */
    DMatrixRMaj residuals(DMatrixRMaj theta) {
        return Models.co2Residuals(B, decades, ppm, beta(theta), theta.get(5), theta.get(6));
    }

    /** The generated residuals and the Jacobian assembled from ∂r/∂β (5 columns), ∂r/∂A and ∂r/∂k. */
    LeastSquares matgrad() {
        JacobianColumns jacobian = new JacobianColumns()
                .then(5, (theta, block) -> workspace.jacobianBeta(B, decades, ppm, beta(theta), theta.get(5), theta.get(6), block))
                .then((theta, column) -> workspace.jacobianAmplitude(B, decades, ppm, beta(theta), theta.get(5), theta.get(6), column))
                .then((theta, column) -> workspace.jacobianRate(B, decades, ppm, beta(theta), theta.get(5), theta.get(6), column));
        return LeastSquares.generated(m, this::residuals,
                (theta, r) -> workspace.value(B, decades, ppm, beta(theta), theta.get(5), theta.get(6), r), jacobian);
    }

    LeastSquares centralDifferences() {
        return LeastSquares.centralDifferences(m, this::residuals);
    }

    public static Result run(PrintStream out, Timing timing) {
        return new Co2TrendFit().fit(out, timing);
    }

    private Result fit(PrintStream out, Timing timing) {
        out.printf("4. The Keeling curve: CO2 at Mauna Loa, 1958 to 2020, by Levenberg-Marquardt%n%n");
        out.printf("    data   co2-concentration.csv: %d monthly means, ppm%n", m);
        out.printf("    model  Models.co2Residuals, r = Bβ + A exp(k t) − CO2: rows of B are 1, sin 2πy, cos 2πy,"
                + " sin 4πy, cos 4πy%n");
        out.printf("           (y in years, t in decades since 1958); LM gets the %d x %d Jacobian as"
                + " co2ResidualsJacobianBeta (= B),%n           co2ResidualsJacobianAmplitude and"
                + " co2ResidualsJacobianRate side by side%n%n", m, PARAMETERS);

        Run lm = timing.measure(Progress.printing(out, 1),
                progress -> LevenbergMarquardt.minimize(matgrad(), start, 200, progress));
        Run lmDifferences = timing.measure(Progress.recording(),
                progress -> LevenbergMarquardt.minimize(centralDifferences(), start, 200, progress));
        Report.table(out, List.of(lm, lmDifferences));

        DMatrixRMaj theta = lm.solution();
        double rmse = Math.sqrt(lm.loss() / m);
        double amplitude = theta.get(5), rate = theta.get(6);
        double t2020 = (2020.0 - 1958) / 10;
        out.printf("%n    CO2 = %.1f + %.2f e^(%.4f t) + seasons: RMSE %.2f ppm%n", theta.get(0), amplitude, rate, rmse);
        out.printf("    the excess over %.0f ppm grows %.1f%% a year, doubling every %.0f years; in 2020 CO2 rose"
                + " %.2f ppm a year%n", theta.get(0), 100 * (Math.exp(rate / 10) - 1), 10 * Math.log(2) / rate,
                amplitude * rate / 10 * Math.exp(rate * t2020));
        out.printf("    the yearly cycle spans %.1f ppm, peak to trough%n%n", seasonalRange(theta));

        Checks checks = new Checks(out);
        double jacobianError = matgrad().jacobianError(start);
        checks.check(jacobianError < 1e-7, "generated Jacobian agrees with central differences (relative error %.0e)",
                jacobianError);
        checks.converged(List.of(lm, lmDifferences));
        double gap = relativeGap(theta, lmDifferences.solution());
        checks.check(gap < 1e-6, "central differences find the same trend: max |Δθ| / |θ| %.0e", gap);
        checks.check(rmse < MAX_RMSE, "RMSE %.2f ppm < %.1f", rmse, MAX_RMSE);
        return new Result(lm, lmDifferences, theta, rmse, checks);
    }

    /** The largest minus the smallest value of the two harmonics over a year. */
    private static double seasonalRange(DMatrixRMaj theta) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int day = 0; day < 365; day++) {
            double phase = 2 * Math.PI * day / 365;
            double season = theta.get(1) * Math.sin(phase) + theta.get(2) * Math.cos(phase)
                    + theta.get(3) * Math.sin(2 * phase) + theta.get(4) * Math.cos(2 * phase);
            max = Math.max(max, season);
            min = Math.min(min, season);
        }
        return max - min;
    }

    /** The largest difference of corresponding entries relative to the larger of the two (GradientCheck's measure). */
    private static double relativeGap(DMatrixRMaj a, DMatrixRMaj b) {
        double gap = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            gap = Math.max(gap, GradientCheck.relativeError(a.data[i], b.data[i]));
        }
        return gap;
    }
}
