package io.matgrad.benchmarks;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/**
 * The benchmarked formulas, written as a user writes them. Each method is the "forward" benchmark
 * (it evaluates its function with MatrixOps, allocating as it goes); matgrad generates
 * {@code FunctionsGradients} from them, the code under test.
 */
public final class Functions {
    private Functions() {}

    /** Least squares, ‖Ax − b‖². */
    @Differentiable(wrt = "x")
    public static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        DMatrixRMaj r = sub(mult(A, x), b);
        return dot(r, r);
    }

    /** Ridge regression, ‖Ax − b‖² + λ‖x‖². */
    @Differentiable(wrt = "x")
    public static double ridge(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b, double lambda) {
        return normSq(sub(mult(A, x), b)) + lambda * normSq(x);
    }

    /** Logistic regression's negative log-likelihood, Σ softplus(Xw) − yᵀXw, for labels y in {0, 1}. */
    @Differentiable(wrt = "w")
    public static double logistic(DMatrixRMaj X, DMatrixRMaj w, DMatrixRMaj y) {
        DMatrixRMaj z = mult(X, w);
        return sum(softplus(z)) - dot(y, z);
    }

    /** The quadratic form xᵀAx of a general (not symmetric) A. */
    @Differentiable(wrt = "x")
    public static double quadraticForm(DMatrixRMaj A, DMatrixRMaj x) {
        return dot(x, mult(A, x));
    }

    /** A Gaussian's negative log-likelihood in the covariance S, up to constants: ln|S| + tr(S⁻¹C), C the data's scatter. */
    @Differentiable(wrt = "S")
    public static double gaussianNll(DMatrixRMaj S, DMatrixRMaj C) {
        return logDet(S) + trace(mult(inv(S), C));
    }

    /** Matrix factorisation, ‖Y − UVᵀ‖²_F, in both factors. */
    @Differentiable(wrt = {"U", "V"})
    public static double matrixFactorization(DMatrixRMaj Y, DMatrixRMaj U, DMatrixRMaj V) {
        return normSq(sub(Y, mult(U, transpose(V))));
    }

    /** A two-layer network's squared error, ½‖W₂ tanh(W₁X) − Y‖²_F over a batch X, in both weights. */
    @Differentiable(wrt = {"W1", "W2"})
    public static double twoLayerTanh(DMatrixRMaj W1, DMatrixRMaj W2, DMatrixRMaj X, DMatrixRMaj Y) {
        DMatrixRMaj H = tanh(mult(W1, X));
        return 0.5 * normSq(sub(mult(W2, H), Y));
    }

    /** tr(AXB). */
    @Differentiable(wrt = "X")
    public static double traceAXB(DMatrixRMaj A, DMatrixRMaj X, DMatrixRMaj B) {
        return trace(mult(mult(A, X), B));
    }

    /** log Σ exp(Ax), the log-partition function of a softmax. */
    @Differentiable(wrt = "x")
    public static double logSumExpOfAx(DMatrixRMaj A, DMatrixRMaj x) {
        return logSumExp(mult(A, x));
    }
}
