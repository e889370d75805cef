package io.matgrad.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.GradientCheck;
import io.matgrad.runtime.SingularMatrixException;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Generated derivatives at the edges of floating point. Stability: arguments of magnitude ~1e3
 * reach softplus, sigmoid, tanh and logSumExp, where {@code e^z} overflows; values and gradients
 * must be finite and agree with closed forms computed stably here (and with finite differences).
 * Singularity: a singular matrix reaching inv, solve, logDet or the derivative of det is a
 * {@link SingularMatrixException}, never a silent NaN.
 */
class NumericsTest {
    private static final double CLOSED_FORM_TOLERANCE = 1e-10;

    private final Random random = new Random(4242);

    // ---------------------------------------------------------------- stability

    @Test
    void logisticLossAtMarginsOfAThousand() {
        for (int seed = 0; seed < 3; seed++) {
            DMatrixRMaj X = RandomMatrices_DDRM.rectangle(20, 3, -1, 1, random);
            DMatrixRMaj w = large(3, 1, 300, 600);
            DMatrixRMaj y = mask(20, 1);
            DMatrixRMaj z = CommonOps_DDRM.mult(X, w, null);
            assertTrue(CommonOps_DDRM.elementMaxAbs(z) > 500, "the margins are large");

            double value = 0;
            DMatrixRMaj residual = new DMatrixRMaj(20, 1); // σ(z) − y
            for (int i = 0; i < 20; i++) {
                value += softplus(z.data[i]) - y.data[i] * z.data[i];
                residual.data[i] = sigmoid(z.data[i]) - y.data[i];
            }
            DMatrixRMaj gradW = CommonOps_DDRM.multTransA(X, residual, null);
            DMatrixRMaj gradX = CommonOps_DDRM.multTransB(residual, w, null);

            assertClose(value, Numerics.logisticLoss(X, w, y), "the function itself");
            DMatrixRMaj outW = new DMatrixRMaj(1, 1);
            DMatrixRMaj outX = new DMatrixRMaj(1, 1);
            assertClose(value, NumericsGradients.logisticLossValueAndGrad(X, w, y, outW, outX), "logisticLossValueAndGrad");
            assertClose(gradW, outW, "∂f/∂w");
            assertClose(gradX, outX, "∂f/∂X");
            assertClose(gradW, NumericsGradients.logisticLossGradW(X, w, y), "logisticLossGradW");
            assertClose(gradX, NumericsGradients.logisticLossGradX(X, w, y), "logisticLossGradX");
            agreesWithFiniteDifferences(v -> Numerics.logisticLoss(X, v, y), outW, w);
            agreesWithFiniteDifferences(m -> Numerics.logisticLoss(m, w, y), outX, X);
        }
    }

    @Test
    void sigmoidOfAThousand() {
        for (int seed = 0; seed < 3; seed++) {
            DMatrixRMaj A = RandomMatrices_DDRM.rectangle(12, 3, -1, 1, random);
            DMatrixRMaj x = large(3, 1, 300, 600);
            DMatrixRMaj c = RandomMatrices_DDRM.rectangle(12, 1, -1, 1, random);
            DMatrixRMaj z = CommonOps_DDRM.mult(A, x, null);
            double value = 0;
            DMatrixRMaj s = new DMatrixRMaj(12, 1);
            DMatrixRMaj weighted = new DMatrixRMaj(12, 1); // c ∘ σ(z) ∘ σ(−z)
            for (int i = 0; i < 12; i++) {
                s.data[i] = sigmoid(z.data[i]);
                value += c.data[i] * s.data[i];
                weighted.data[i] = c.data[i] * s.data[i] * sigmoid(-z.data[i]);
            }
            DMatrixRMaj gradX = CommonOps_DDRM.multTransA(A, weighted, null);
            DMatrixRMaj outX = new DMatrixRMaj(1, 1);
            DMatrixRMaj outC = new DMatrixRMaj(1, 1);
            assertClose(value, NumericsGradients.sigmoidScoreValueAndGrad(A, x, c, outX, outC), "sigmoidScoreValueAndGrad");
            assertClose(gradX, outX, "∂f/∂x");
            assertClose(s, outC, "∂f/∂c");
            agreesWithFiniteDifferences(v -> Numerics.sigmoidScore(A, v, c), outX, x);
        }
    }

    @Test
    void tanhAndSoftplusSaturateOnBothSides() {
        DMatrixRMaj A = RandomMatrices_DDRM.rectangle(15, 2, -1, 1, random);
        DMatrixRMaj x = large(2, 1, 500, 1000);
        DMatrixRMaj z = CommonOps_DDRM.mult(A, x, null);
        double value = 0;
        DMatrixRMaj dz = new DMatrixRMaj(15, 1); // 1 − tanh² z − σ(−z)
        for (int i = 0; i < 15; i++) {
            double t = Math.tanh(z.data[i]);
            value += t + softplus(-z.data[i]);
            dz.data[i] = (1 - t) * (1 + t) - sigmoid(-z.data[i]);
        }
        DMatrixRMaj grad = new DMatrixRMaj(1, 1);
        assertClose(value, NumericsGradients.saturatingValueAndGrad(A, x, grad), "saturatingValueAndGrad");
        assertClose(CommonOps_DDRM.multTransA(A, dz, null), grad, "∂f/∂x");
        agreesWithFiniteDifferences(v -> Numerics.saturating(A, v), grad, x);
    }

    @Test
    void logSumExpOfEntriesAroundPlusMinusAThousand() {
        for (int seed = 0; seed < 3; seed++) {
            DMatrixRMaj A = RandomMatrices_DDRM.rectangle(6, 2, -1, 1, random);
            DMatrixRMaj x = large(2, 1, 500, 1000);
            DMatrixRMaj z = CommonOps_DDRM.mult(A, x, null);
            assertTrue(CommonOps_DDRM.elementMax(z) > 300 && CommonOps_DDRM.elementMin(z) < -300,
                    "entries of both signs, far beyond e^709: " + z);
            DMatrixRMaj p = softmax(z);
            double value = logSumExp(z);
            DMatrixRMaj gradX = CommonOps_DDRM.multTransA(A, p, null);
            DMatrixRMaj gradA = CommonOps_DDRM.multTransB(p, x, null);
            DMatrixRMaj outX = new DMatrixRMaj(1, 1);
            DMatrixRMaj outA = new DMatrixRMaj(1, 1);
            assertClose(value, NumericsGradients.logSumExpOfAxValueAndGrad(A, x, outX, outA), "logSumExpOfAxValueAndGrad");
            assertClose(gradX, outX, "∂f/∂x");
            assertClose(gradA, outA, "∂f/∂A");
            agreesWithFiniteDifferences(v -> Numerics.logSumExpOfAx(A, v), outX, x);
            agreesWithFiniteDifferences(m -> Numerics.logSumExpOfAx(m, x), outA, A);
        }
    }

    @Test
    void softmaxCrossEntropyWithLogitsOfAThousand() {
        for (int seed = 0; seed < 3; seed++) {
            DMatrixRMaj W = large(5, 3, 300, 600);
            DMatrixRMaj x = RandomMatrices_DDRM.rectangle(3, 1, -1, 1, random);
            DMatrixRMaj y = new DMatrixRMaj(5, 1);
            y.set(random.nextInt(5), 0, 1);
            DMatrixRMaj z = CommonOps_DDRM.mult(W, x, null);
            DMatrixRMaj residual = CommonOps_DDRM.subtract(softmax(z), y, null);
            double value = logSumExp(z) - CommonOps_DDRM.dot(y, z);
            DMatrixRMaj outW = new DMatrixRMaj(1, 1);
            DMatrixRMaj outX = new DMatrixRMaj(1, 1);
            assertClose(value, NumericsGradients.softmaxCrossEntropyValueAndGrad(W, x, y, outW, outX),
                    "softmaxCrossEntropyValueAndGrad");
            assertClose(CommonOps_DDRM.multTransB(residual, x, null), outW, "∂f/∂W");
            assertClose(CommonOps_DDRM.multTransA(W, residual, null), outX, "∂f/∂x");
            agreesWithFiniteDifferences(m -> Numerics.softmaxCrossEntropy(m, x, y), outW, W);
        }
    }

    // ---------------------------------------------------------------- singular matrices

    @Test
    void aSingularMatrixReachingInvIsASingularMatrixException() {
        DMatrixRMaj X = rankDeficient(4, 3);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(4, 1, -1, 1, random);
        assertSingular(() -> NumericsGradients.inverseQuadraticFormGradX(X, b));
        assertSingular(() -> NumericsGradients.inverseQuadraticFormGradB(X, b));
        assertSingular(() -> NumericsGradients.inverseQuadraticFormValueAndGrad(X, b, new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1)));
        assertSingular(() -> Numerics.inverseQuadraticForm(X, b));
    }

    @Test
    void aSingularMatrixReachingSolveIsASingularMatrixException() {
        for (DMatrixRMaj A : new DMatrixRMaj[] {rankDeficient(5, 4), duplicatedRow(5), new DMatrixRMaj(3, 3)}) {
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(A.numRows, 1, -1, 1, random);
            assertSingular(() -> NumericsGradients.solveQuadraticFormGradA(A, b));
            assertSingular(() -> NumericsGradients.solveQuadraticFormGradB(A, b));
            assertSingular(() -> NumericsGradients.solveQuadraticFormValueAndGrad(A, b, new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1)));
        }
    }

    @Test
    void aSingularMatrixReachingLogDetIsASingularMatrixException() {
        for (DMatrixRMaj X : new DMatrixRMaj[] {rankDeficient(4, 2), symmetricRankDeficient(4, 3), duplicatedRow(6)}) {
            assertSingular(() -> NumericsGradients.logDeterminantGradX(X));
            assertSingular(() -> NumericsGradients.logDeterminantValueAndGrad(X, new DMatrixRMaj(1, 1)));
            assertSingular(() -> Numerics.logDeterminant(X));
        }
    }

    @Test
    void aSingularCovarianceInTheGaussianNllIsASingularMatrixException() {
        DMatrixRMaj X = RandomMatrices_DDRM.rectangle(3, 10, -1, 1, random);
        DMatrixRMaj mu = RandomMatrices_DDRM.rectangle(3, 1, -1, 1, random);
        DMatrixRMaj ones = new DMatrixRMaj(10, 1);
        ones.fill(1);
        DMatrixRMaj S = symmetricRankDeficient(3, 2);
        assertSingular(() -> NumericsGradients.gaussianNllGradMu(X, mu, S, ones));
        assertSingular(() -> NumericsGradients.gaussianNllGradS(X, mu, S, ones));
        assertSingular(() -> NumericsGradients.gaussianNllValueAndGrad(X, mu, S, ones, new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1)));
    }

    /**
     * det of a singular matrix is 0, as a value; its gradient {@code det(X) X⁻ᵀ} is computed through
     * X's factorization and so throws, even where the exact gradient (the transposed adjugate,
     * nonzero for rank n − 1) exists: an exception, never NaN or a silent 0.
     */
    @Test
    void detOfASingularMatrixIsZeroAndItsGradientIsASingularMatrixException() {
        for (DMatrixRMaj X : new DMatrixRMaj[] {duplicatedRow(3), duplicatedRow(6), new DMatrixRMaj(2, 2)}) {
            assertEquals(0, Numerics.determinant(X), 0);
            assertTrue(Math.abs(new NumericsGradients.DeterminantWorkspace().value(X)) < 1e-15);
            assertSingular(() -> NumericsGradients.determinantGradX(X));
            assertSingular(() -> NumericsGradients.determinantValueAndGrad(X, new DMatrixRMaj(1, 1)));
            // also where det only enters through its square, whose exact gradient at a singular X is I
            assertEquals(CommonOps_DDRM.trace(X), Numerics.squaredDeterminant(X), 0);
            assertSingular(() -> NumericsGradients.squaredDeterminantGradX(X));
        }
    }

    /** The generated value of det agrees with {@code MatrixOps.det}: exactly 0 at a singular matrix. */
    @Test
    void generatedDetOfASingularMatrixIsExactlyZero() {
        for (DMatrixRMaj X : new DMatrixRMaj[] {duplicatedRow(3), symmetricRankDeficient(4, 3), rankDeficient(5, 4)}) {
            assertEquals(0, Numerics.determinant(X), 0);
            assertEquals(0, new NumericsGradients.DeterminantWorkspace().value(X), 0);
        }
    }

    @Test
    void aWorkspaceRecoversFromASingularMatrix() {
        NumericsGradients.LogDeterminantWorkspace workspace = new NumericsGradients.LogDeterminantWorkspace();
        DMatrixRMaj grad = new DMatrixRMaj(1, 1);
        DMatrixRMaj spd = RandomMatrices_DDRM.symmetricPosDef(4, random);
        CommonOps_DDRM.addEquals(spd, CommonOps_DDRM.identity(4));
        workspace.gradX(spd, grad);
        DMatrixRMaj expected = grad.copy();
        assertSingular(() -> workspace.gradX(symmetricRankDeficient(4, 3), grad));
        workspace.gradX(spd, grad);
        assertTrue(MatrixFeatures_DDRM.isIdentical(expected, grad, 0), "the same gradient after the exception");
    }

    // ---------------------------------------------------------------- closed forms, computed stably

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    private static double logSumExp(DMatrixRMaj z) {
        double max = CommonOps_DDRM.elementMax(z);
        double sum = 0;
        for (double v : z.data) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    private static DMatrixRMaj softmax(DMatrixRMaj z) {
        double lse = logSumExp(z);
        DMatrixRMaj p = z.createLike();
        for (int i = 0; i < z.data.length; i++) {
            p.data[i] = Math.exp(z.data[i] - lse);
        }
        return p;
    }

    // ---------------------------------------------------------------- inputs and checks

    /** Entries of magnitude in [low, high], random signs. */
    private DMatrixRMaj large(int rows, int cols, double low, double high) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (random.nextBoolean() ? 1 : -1) * (low + (high - low) * random.nextDouble());
        }
        return m;
    }

    private DMatrixRMaj mask(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextBoolean() ? 1 : 0;
        }
        return m;
    }

    /** An n x n matrix of rank r: a product of random n x r and r x n factors. */
    private DMatrixRMaj rankDeficient(int n, int r) {
        return CommonOps_DDRM.mult(RandomMatrices_DDRM.rectangle(n, r, -1, 1, random),
                RandomMatrices_DDRM.rectangle(r, n, -1, 1, random), null);
    }

    /** A symmetric positive semidefinite n x n matrix of rank r, B Bᵀ: the singular covariance. */
    private DMatrixRMaj symmetricRankDeficient(int n, int r) {
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(n, r, -1, 1, random);
        return CommonOps_DDRM.multTransB(b, b, null);
    }

    /** A random n x n matrix whose last row repeats its first: exactly singular. */
    private DMatrixRMaj duplicatedRow(int n) {
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, n, -1, 1, random);
        for (int j = 0; j < n; j++) {
            a.set(n - 1, j, a.get(0, j));
        }
        return a;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Double.isFinite(actual), what + " is " + actual);
        assertTrue(GradientCheck.relativeError(expected, actual) < CLOSED_FORM_TOLERANCE,
                what + " = " + actual + ", the closed form gives " + expected);
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        assertTrue(!MatrixFeatures_DDRM.hasUncountable(actual), what + " has a NaN or infinite entry:\n" + actual);
        double error = GradientCheck.relativeError(expected, actual);
        assertTrue(error < CLOSED_FORM_TOLERANCE, what + " is off by " + error + "\nexpected:\n" + expected + "actual:\n" + actual);
    }

    /**
     * Within 1e-6 relative, or within the rounding error of the differences themselves: where
     * most arguments are saturated the gradient is tiny, and {@code eps |f| / h} (about 1e-12 with
     * steps of 1e-6 |x|, |x| ~ 1e3) is all finite differences can resolve.
     */
    private static void agreesWithFiniteDifferences(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj gradient, DMatrixRMaj x) {
        DMatrixRMaj numerical = GradientCheck.numericalGradient(f, x);
        assertTrue(!MatrixFeatures_DDRM.hasUncountable(numerical), "finite differences are finite");
        double difference = NormOps_DDRM.normF(CommonOps_DDRM.subtract(gradient, numerical, null));
        double allowed = GradientHarness.TOLERANCE * NormOps_DDRM.normF(numerical) + 1e-9;
        assertTrue(difference <= allowed, "differs from finite differences by " + difference
                + "\ngenerated:\n" + gradient + "finite differences:\n" + numerical);
    }

    private static void assertSingular(Executable call) {
        SingularMatrixException e = assertThrows(SingularMatrixException.class, call);
        assertTrue(e.getMessage().endsWith("singular to working precision"), e.getMessage());
    }
}
