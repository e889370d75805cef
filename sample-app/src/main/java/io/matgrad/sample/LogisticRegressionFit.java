package io.matgrad.sample;

import io.matgrad.runtime.GradientCheck;
import io.matgrad.sample.data.Penguins;
import io.matgrad.sample.solve.Bfgs;
import io.matgrad.sample.solve.Newton;
import io.matgrad.sample.solve.NewtonCg;
import io.matgrad.sample.solve.Objective;
import io.matgrad.sample.solve.Progress;
import io.matgrad.sample.solve.Run;
import io.matgrad.sample.solve.Timing;
import java.io.PrintStream;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Is a penguin a Chinstrap? Penalised logistic regression ({@link Models#logisticLoss}) on the four
 * standardised measurements and an intercept, fitted three ways: DDogleg's BFGS fed the generated
 * value and gradient, Newton's method with the generated Hessian, and Newton-CG with generated
 * Hessian-vector products; BFGS and Newton again with central differences.
 *
 * <p>Chinstraps are the species that overlaps the others most (Adélies have their body size and
 * Gentoos stand apart from both), so no plane separates them perfectly. The ridge penalty
 * (λ = 1, the intercept unpenalised) keeps the loss strongly convex.
 */
public final class LogisticRegressionFit {
    static final String SPECIES = "Chinstrap";
    static final double LAMBDA = 1.0;
    static final double GRADIENT_TOLERANCE = 1e-8;
    /** The training accuracy the fit must reach (it reaches 98.0%). */
    static final double MIN_ACCURACY = 0.97;

    /** What the fit found. */
    public record Result(Run bfgs, Run bfgsDifferences, Run newton, Run newtonDifferences, Run newtonCg,
            double accuracy, Checks checks) {
        public List<Run> runs() {
            return List.of(bfgs, bfgsDifferences, newton, newtonDifferences, newtonCg);
        }
    }

    private final Penguins penguins = Penguins.load();
    /** n x 5: a column of ones, then the standardised measurements. */
    private final DMatrixRMaj X = Design.withIntercept(Design.standardize(penguins.measurements()));
    private final DMatrixRMaj y = penguins.isSpecies(SPECIES);
    /** 0 for the intercept, which is not penalised; 1 for the weights. */
    private final DMatrixRMaj mask = new DMatrixRMaj(5, 1, true, 0, 1, 1, 1, 1);
    private final DMatrixRMaj start = new DMatrixRMaj(5, 1);
    private final ModelsGradients.LogisticLossWorkspace workspace = new ModelsGradients.LogisticLossWorkspace();

    /** The loss at w, by the model's own method. */
    double loss(DMatrixRMaj w) {
        return Models.logisticLoss(X, w, y, mask, LAMBDA);
    }

    /** The loss, its gradient, Hessian and Hessian-vector products as matgrad generated them. */
    Objective matgrad() {
        return Objective.generated(
                this::loss,
                w -> workspace.value(X, w, y, mask, LAMBDA),
                (w, gradient) -> workspace.valueAndGrad(X, w, y, mask, LAMBDA, gradient),
                (w, hessian) -> workspace.hessianW(X, w, y, mask, LAMBDA, hessian),
                (w, v, product) -> workspace.hessVecW(X, w, y, mask, LAMBDA, v, product));
    }

    /** The loss's derivatives by central differences of {@link Models#logisticLoss} itself. */
    Objective centralDifferences() {
        return Objective.centralDifferences(this::loss);
    }

    /** Fits, printing to {@code out}, timing each solve as {@code timing} says. */
    public static Result run(PrintStream out, Timing timing) {
        return new LogisticRegressionFit().fit(out, timing);
    }

    private Result fit(PrintStream out, Timing timing) {
        out.printf("1. Is it a %s? Logistic regression on four penguin measurements%n%n", SPECIES);
        out.printf("    data   penguins.csv: %d penguins, %d of them %ss; beak length and depth, flipper length,"
                + " body mass, standardised; an intercept%n", penguins.size(), penguins.count(SPECIES), SPECIES);
        out.printf("    model  Models.logisticLoss, f(w) = Σᵢ softplus(xᵢᵀw) − yᵢxᵢᵀw + (λ/2)‖m ∘ w‖², λ = %s%n", LAMBDA);
        out.printf("           BFGS gets logisticLossValueAndGrad, Newton logisticLossHessianW,"
                + " Newton-CG logisticLossHessVecW%n%n");

        Run bfgs = timing.measure(Progress.printing(out, 2),
                progress -> Bfgs.minimize(matgrad(), start, 200, progress));
        Run newton = timing.measure(Progress.printing(out, 1),
                progress -> Newton.minimize(matgrad(), start, GRADIENT_TOLERANCE, 50, progress));
        Run newtonCg = timing.measure(Progress.printing(out, 1),
                progress -> NewtonCg.minimize(matgrad(), start, GRADIENT_TOLERANCE, 50, progress));
        Run bfgsDifferences = timing.measure(Progress.recording(),
                progress -> Bfgs.minimize(centralDifferences(), start, 200, progress));
        Run newtonDifferences = timing.measure(Progress.recording(),
                progress -> Newton.minimize(centralDifferences(), start, GRADIENT_TOLERANCE, 50, progress));
        List<Run> runs = List.of(bfgs, bfgsDifferences, newton, newtonDifferences, newtonCg);
        Report.table(out, runs);

        DMatrixRMaj w = newton.solution();
        double accuracy = accuracy(w);
        out.printf("%n    weights per standard deviation: intercept %.3f, beak length %.3f, beak depth %.3f,"
                + " flipper length %.3f, body mass %.3f%n", w.get(0), w.get(1), w.get(2), w.get(3), w.get(4));
        out.printf("    training accuracy %.1f%%: %d of %d penguins on the right side%n%n", 100 * accuracy,
                Math.round(accuracy * X.numRows), X.numRows);

        Checks checks = new Checks(out);
        DMatrixRMaj somewhere = new DMatrixRMaj(5, 1, true, 0.3, -0.5, 1.0, -0.2, 0.4);
        double gradientError = GradientCheck.check(this::loss,
                ModelsGradients.logisticLossGradW(X, somewhere, y, mask, LAMBDA), somewhere).relativeError();
        double hessianError = GradientCheck.checkHessian(this::loss,
                ModelsGradients.logisticLossHessianW(X, somewhere, y, mask, LAMBDA), somewhere).relativeError();
        checks.check(gradientError < 1e-7 && hessianError < 1e-5,
                "generated gradient and Hessian agree with central differences (relative errors %.0e, %.0e)",
                gradientError, hessianError);
        checks.converged(runs);
        double bfgsGap = Design.maxAbsDifference(bfgs.solution(), w);
        double newtonCgGap = Design.maxAbsDifference(newtonCg.solution(), w);
        checks.check(bfgsGap < 1e-5 && newtonCgGap < 1e-6,
                "BFGS and Newton-CG agree with Newton: max |Δw| %.0e and %.0e", bfgsGap, newtonCgGap);
        double bfgsDifferencesGap = Design.maxAbsDifference(bfgsDifferences.solution(), bfgs.solution());
        double newtonDifferencesGap = Design.maxAbsDifference(newtonDifferences.solution(), w);
        checks.check(bfgsDifferencesGap < 1e-5 && newtonDifferencesGap < 1e-6,
                "central differences find the same weights: max |Δw| %.0e (BFGS), %.0e (Newton)",
                bfgsDifferencesGap, newtonDifferencesGap);
        checks.check(accuracy >= MIN_ACCURACY, "training accuracy %.1f%% ≥ %.0f%%", 100 * accuracy, 100 * MIN_ACCURACY);
        return new Result(bfgs, bfgsDifferences, newton, newtonDifferences, newtonCg, accuracy, checks);
    }

    /** The fraction of penguins on the right side of the plane {@code xᵀw = 0}. */
    double accuracy(DMatrixRMaj w) {
        DMatrixRMaj z = new DMatrixRMaj(X.numRows, 1);
        CommonOps_DDRM.mult(X, w, z);
        int right = 0;
        for (int i = 0; i < X.numRows; i++) {
            right += (z.get(i) > 0) == (y.get(i) > 0.5) ? 1 : 0;
        }
        return (double) right / X.numRows;
    }
}
