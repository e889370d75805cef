package io.matgrad.sample;

import io.matgrad.runtime.GradientCheck;
import io.matgrad.sample.data.Penguins;
import io.matgrad.sample.solve.Bfgs;
import io.matgrad.sample.solve.Objective;
import io.matgrad.sample.solve.Progress;
import io.matgrad.sample.solve.Run;
import io.matgrad.sample.solve.Timing;
import java.io.PrintStream;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The covariance of the four standardised penguin measurements by maximum likelihood: DDogleg's
 * BFGS minimises the Gaussian negative log-likelihood {@link Models#gaussianNegLogLikelihood} over
 * a matrix L, with {@code S = LLᵀ + εI} positive definite whatever L is, and the answer is checked
 * against the closed form, the sample covariance {@code DᵀD / n}.
 */
public final class CovarianceFit {
    /** εI keeps S positive definite where L is singular; far below S's smallest eigenvalue (0.1). */
    static final double EPSILON = 1e-9;
    /** How close the fitted S must come to the sample covariance, relative. */
    static final double MAX_RELATIVE_ERROR = 1e-6;

    /** What the fit found: the covariance by BFGS with generated gradients, and the closed form. */
    public record Result(Run bfgs, Run bfgsDifferences, DMatrixRMaj covariance, DMatrixRMaj sampleCovariance,
            double relativeError, Checks checks) {
        public List<Run> runs() {
            return List.of(bfgs, bfgsDifferences);
        }
    }

    private final Penguins penguins = Penguins.load();
    /** The centred samples, n x 4 (standardising centres them). */
    private final DMatrixRMaj D = Design.standardize(penguins.measurements());
    private final double n = D.numRows;
    private final DMatrixRMaj jitter = CommonOps_DDRM.diag(EPSILON, EPSILON, EPSILON, EPSILON);
    private final DMatrixRMaj start = CommonOps_DDRM.identity(4);
    private final ModelsGradients.GaussianNegLogLikelihoodWorkspace workspace =
            new ModelsGradients.GaussianNegLogLikelihoodWorkspace();

    /** The loss at L, by the model's own method. */
    double loss(DMatrixRMaj L) {
        return Models.gaussianNegLogLikelihood(L, D, jitter, n);
    }

    Objective matgrad() {
        return Objective.generated(
                this::loss,
                L -> workspace.value(L, D, jitter, n),
                (L, gradient) -> workspace.valueAndGrad(L, D, jitter, n, gradient),
                null, null);
    }

    Objective centralDifferences() {
        return Objective.centralDifferences(this::loss);
    }

    public static Result run(PrintStream out, Timing timing) {
        return new CovarianceFit().fit(out, timing);
    }

    private Result fit(PrintStream out, Timing timing) {
        out.printf("2. The covariance of the penguin measurements by maximum likelihood%n%n");
        out.printf("    data   penguins.csv: the %d x 4 standardised measurements D%n", D.numRows);
        out.printf("    model  Models.gaussianNegLogLikelihood, f(L) = (n/2) log det S + (1/2) tr(S⁻¹DᵀD),"
                + " S = LLᵀ + εI, ε = %.0e%n", EPSILON);
        out.printf("           over all 4 x 4 matrices L; BFGS gets gaussianNegLogLikelihoodValueAndGrad%n%n");

        Run bfgs = timing.measure(Progress.printing(out, 5),
                progress -> Bfgs.minimize(matgrad(), start, 500, progress));
        Run bfgsDifferences = timing.measure(Progress.recording(),
                progress -> Bfgs.minimize(centralDifferences(), start, 500, progress));
        Report.table(out, List.of(bfgs, bfgsDifferences));

        DMatrixRMaj covariance = covariance(bfgs.solution());
        DMatrixRMaj sampleCovariance = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.multInner(D, sampleCovariance);
        CommonOps_DDRM.scale(1 / n, sampleCovariance);
        double relativeError = GradientCheck.relativeError(sampleCovariance, covariance);
        double closedFormLoss = loss(choleskyFactor(sampleCovariance));
        out.printf("%n    %-36s %s%n", "fitted S = LLᵀ + εI", "sample covariance DᵀD / n");
        for (int i = 0; i < 4; i++) {
            out.printf("    %-36s %s%n", row(covariance, i), row(sampleCovariance, i));
        }
        out.printf("    (beak length, beak depth, flipper length, body mass; standardised, so S is (n − 1)/n times"
                + " their correlations)%n%n");

        Checks checks = new Checks(out);
        DMatrixRMaj somewhere = new DMatrixRMaj(4, 4, true,
                1.0, 0.2, 0.0, 0.1, -0.3, 0.9, 0.1, 0.0, 0.2, 0.0, 1.1, 0.3, 0.0, 0.4, -0.1, 0.8);
        double gradientError = GradientCheck.check(this::loss,
                ModelsGradients.gaussianNegLogLikelihoodGradL(somewhere, D, jitter, n), somewhere).relativeError();
        checks.check(gradientError < 1e-7, "generated gradient agrees with central differences (relative error %.0e)",
                gradientError);
        checks.converged(List.of(bfgs, bfgsDifferences));
        checks.check(relativeError < MAX_RELATIVE_ERROR,
                "the fitted S is the sample covariance: relative error %.0e; loss %.10g, closed form %.10g",
                relativeError, bfgs.loss(), closedFormLoss);
        double differencesError = GradientCheck.relativeError(covariance, covariance(bfgsDifferences.solution()));
        checks.check(differencesError < MAX_RELATIVE_ERROR,
                "central differences find the same S: relative difference %.0e", differencesError);
        return new Result(bfgs, bfgsDifferences, covariance, sampleCovariance, relativeError, checks);
    }

    /** {@code S = LLᵀ + εI}: L itself is not unique (LQ for any orthogonal Q gives the same S). */
    static DMatrixRMaj covariance(DMatrixRMaj L) {
        DMatrixRMaj S = new DMatrixRMaj(L.numRows, L.numRows);
        CommonOps_DDRM.multOuter(L, S);
        for (int i = 0; i < S.numRows; i++) {
            S.add(i, i, EPSILON);
        }
        return S;
    }

    /** An L with {@code LLᵀ + εI = S}: the Cholesky factor of {@code S − εI}. */
    private static DMatrixRMaj choleskyFactor(DMatrixRMaj S) {
        DMatrixRMaj shifted = S.copy();
        for (int i = 0; i < S.numRows; i++) {
            shifted.add(i, i, -EPSILON);
        }
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(S.numRows, true);
        if (!cholesky.decompose(shifted)) {
            throw new ArithmeticException("the sample covariance is not positive definite");
        }
        return cholesky.getT(null);
    }

    private static String row(DMatrixRMaj m, int i) {
        StringBuilder row = new StringBuilder();
        for (int j = 0; j < m.numCols; j++) {
            row.append(String.format("%8.4f", m.get(i, j)));
        }
        return row.toString();
    }
}
