package io.matgrad.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.GradientCheck;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Hessians with respect to matrices (mn x mn, in vec(X), columns stacked) and Jacobians of
 * matrix-valued functions (pq x mn), against central differences of the annotated methods and
 * against closed forms of the Matrix Cookbook, at shapes no column vector has.
 */
class MatrixDerivativesTest {
    private static final double TOLERANCE = 1e-6;

    private final Random random = new Random(2718);

    private DMatrixRMaj sample(int rows, int cols) {
        return RandomMatrices_DDRM.rectangle(rows, cols, -1, 1, random);
    }

    private DMatrixRMaj spd(int n) {
        DMatrixRMaj a = RandomMatrices_DDRM.symmetricPosDef(n, random);
        CommonOps_DDRM.addEquals(a, 1.0, CommonOps_DDRM.identity(n));
        return a;
    }

    private static void below(GradientCheck.Result result) {
        result.requireBelow(TOLERANCE);
    }

    /** ‖XW − Y‖² in a 4 x 3 W: the Hessian is I₃ ⊗ 2XᵀX exactly, and the gradient's Jacobian numerically. */
    @Test
    void multiOutputLeastSquaresHasTheKroneckerHessian() {
        DMatrixRMaj X = sample(6, 4);
        DMatrixRMaj W = sample(4, 3);
        DMatrixRMaj Y = sample(6, 3);
        DMatrixRMaj hessian = MatrixDerivativesGradients.multiOutputLeastSquaresHessianW(X, W, Y);
        assertEquals(12, hessian.numRows);
        assertEquals(12, hessian.numCols);
        DMatrixRMaj xtx = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.multTransA(X, X, xtx);
        CommonOps_DDRM.scale(2, xtx);
        DMatrixRMaj closedForm = CommonOps_DDRM.kron(CommonOps_DDRM.identity(3), xtx, null);
        assertTrue(GradientCheck.relativeError(closedForm, hessian) < 1e-14);
        below(GradientCheck.checkJacobian(w -> MatrixDerivativesGradients.multiOutputLeastSquaresGradW(X, w, Y), hessian, W));
        DMatrixRMaj v = sample(4, 3);
        below(GradientCheck.checkHessianVectorProduct(w -> MatrixDerivativesGradients.multiOutputLeastSquaresGradW(X, w, Y),
                MatrixDerivativesGradients.multiOutputLeastSquaresHessVecW(X, W, Y, v), W, v));
        // and at one column, the Hessian of plain least squares, 2XᵀX
        DMatrixRMaj w = sample(4, 1);
        DMatrixRMaj y = sample(6, 1);
        assertTrue(GradientCheck.relativeError(xtx, MatrixDerivativesGradients.multiOutputLeastSquaresHessianW(X, w, y)) < 1e-14);
    }

    @Test
    void softmaxRegressionHessiansInAMatrixAndARow() {
        DMatrixRMaj X = sample(7, 3);
        DMatrixRMaj W = sample(3, 4);
        DMatrixRMaj b = sample(1, 4);
        DMatrixRMaj Y = sample(7, 4);
        below(GradientCheck.check(w -> MatrixDerivatives.softmaxRegression(X, w, b, Y),
                MatrixDerivativesGradients.softmaxRegressionGradW(X, W, b, Y), W));
        below(GradientCheck.checkJacobian(w -> MatrixDerivativesGradients.softmaxRegressionGradW(X, w, b, Y),
                MatrixDerivativesGradients.softmaxRegressionHessianW(X, W, b, Y), W));
        below(GradientCheck.checkJacobian(r -> MatrixDerivativesGradients.softmaxRegressionGradB(X, W, r, Y),
                MatrixDerivativesGradients.softmaxRegressionHessianB(X, W, b, Y), b));
        below(GradientCheck.checkHessian(w -> MatrixDerivatives.softmaxRegression(X, w, b, Y),
                MatrixDerivativesGradients.softmaxRegressionHessianW(X, W, b, Y), W));
        DMatrixRMaj v = sample(3, 4);
        below(GradientCheck.checkHessianVectorProduct(w -> MatrixDerivativesGradients.softmaxRegressionGradW(X, w, b, Y),
                MatrixDerivativesGradients.softmaxRegressionHessVecW(X, W, b, Y, v), W, v));
    }

    /**
     * tr(XᵀAXB): the gradient is AXB + AᵀXBᵀ (the Cookbook's (117)), so in vec the Hessian is
     * Bᵀ ⊗ A + B ⊗ Aᵀ, by vec(A dX B) = (Bᵀ ⊗ A) vec(dX).
     */
    @Test
    void traceFormHasItsClosedForm() {
        DMatrixRMaj A = sample(4, 4);
        DMatrixRMaj X = sample(4, 2);
        DMatrixRMaj B = sample(2, 2);
        DMatrixRMaj hessian = MatrixDerivativesGradients.traceFormHessianX(A, X, B);
        DMatrixRMaj closedForm = CommonOps_DDRM.kron(CommonOps_DDRM.transpose(B, null), A, null);
        CommonOps_DDRM.addEquals(closedForm, CommonOps_DDRM.kron(B, CommonOps_DDRM.transpose(A, null), null));
        assertTrue(GradientCheck.relativeError(closedForm, hessian) < 1e-13, () -> hessian + " vs " + closedForm);
        below(GradientCheck.checkHessian(x -> MatrixDerivatives.traceForm(A, x, B), hessian, X));
    }

    @Test
    void hessiansThroughBlocksEntriesAndInverses() {
        DMatrixRMaj W = sample(3, 4);
        below(GradientCheck.checkHessian(MatrixDerivatives::blocksAndEntries,
                MatrixDerivativesGradients.blocksAndEntriesHessianW(W), W));
        DMatrixRMaj S = spd(3);
        DMatrixRMaj C = sample(3, 3);
        below(GradientCheck.checkJacobian(s -> MatrixDerivativesGradients.barrierGradS(s, C),
                MatrixDerivativesGradients.barrierHessianS(S, C), S));
    }

    @Test
    void jacobiansOfMatrixValuedFunctions() {
        DMatrixRMaj X = sample(5, 3);
        DMatrixRMaj W = sample(3, 4);
        DMatrixRMaj jw = MatrixDerivativesGradients.probabilitiesJacobianW(X, W);
        assertEquals(20, jw.numRows);
        assertEquals(12, jw.numCols);
        below(GradientCheck.checkJacobian(w -> MatrixDerivatives.probabilities(X, w), jw, W));
        below(GradientCheck.checkJacobian(x -> MatrixDerivatives.probabilities(x, W),
                MatrixDerivativesGradients.probabilitiesJacobianX(X, W), X));

        DMatrixRMaj L = sample(4, 3);
        DMatrixRMaj b = sample(4, 1);
        DMatrixRMaj batch = sample(3, 6);
        below(GradientCheck.checkJacobian(l -> MatrixDerivatives.denseLayer(l, b, batch),
                MatrixDerivativesGradients.denseLayerJacobianW(L, b, batch), L));
        below(GradientCheck.checkJacobian(c -> MatrixDerivatives.denseLayer(L, c, batch),
                MatrixDerivativesGradients.denseLayerJacobianB(L, b, batch), b));
        below(GradientCheck.checkJacobian(x -> MatrixDerivatives.denseLayer(L, b, x),
                MatrixDerivativesGradients.denseLayerJacobianX(L, b, batch), batch));

        DMatrixRMaj A = sample(3, 3);
        DMatrixRMaj S = sample(3, 3);
        below(GradientCheck.checkJacobian(a -> MatrixDerivatives.congruence(a, S),
                MatrixDerivativesGradients.congruenceJacobianA(A, S), A));
        below(GradientCheck.checkJacobian(x -> MatrixDerivatives.congruence(A, x),
                MatrixDerivativesGradients.congruenceJacobianX(A, S), S));

        DMatrixRMaj P = spd(3);
        double s = 1.3;
        below(GradientCheck.checkJacobian(p -> MatrixDerivatives.scaledInverse(p, s),
                MatrixDerivativesGradients.scaledInverseJacobianS(P, s), P));
        DMatrixRMaj ds = MatrixDerivativesGradients.scaledInverseJacobianC(P, s);
        DMatrixRMaj numeric = GradientCheck.numericalJacobian(
                t -> MatrixDerivatives.scaledInverse(P, t.get(0, 0)), new DMatrixRMaj(1, 1, true, s));
        assertTrue(GradientCheck.relativeError(numeric, ds) < TOLERANCE);

        DMatrixRMaj a = sample(2, 3);
        DMatrixRMaj bb = sample(2, 3);
        below(GradientCheck.checkJacobian(m -> MatrixDerivatives.assembled(m, bb),
                MatrixDerivativesGradients.assembledJacobianA(a, bb), a));
        below(GradientCheck.checkJacobian(m -> MatrixDerivatives.assembled(a, m),
                MatrixDerivativesGradients.assembledJacobianB(a, bb), bb));

        DMatrixRMaj k = sample(2, 2);
        DMatrixRMaj l = sample(3, 2);
        below(GradientCheck.checkJacobian(m -> MatrixDerivatives.kronecker(m, l),
                MatrixDerivativesGradients.kroneckerJacobianA(k, l), k));
        below(GradientCheck.checkJacobian(m -> MatrixDerivatives.kronecker(k, m),
                MatrixDerivativesGradients.kroneckerJacobianB(k, l), l));
    }
}
