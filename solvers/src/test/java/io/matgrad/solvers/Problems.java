package io.matgrad.solvers;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/**
 * The functions the adapter tests minimize, written as a user writes them: matgrad generates
 * {@code ProblemsGradients} when the tests compile.
 */
public final class Problems {
    private Problems() {}

    /** Linear least squares, ‖Ax − b‖²: minimized by the normal equations' solution. */
    @Differentiable(wrt = "x")
    public static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        DMatrixRMaj r = sub(mult(A, x), b);
        return dot(r, r);
    }

    /** Least squares over a matrix, ‖AX − B‖²: each column of X solves its own normal equations. */
    @Differentiable(wrt = "X")
    public static double matrixLeastSquares(DMatrixRMaj A, DMatrixRMaj X, DMatrixRMaj B) {
        return normSq(sub(mult(A, X), B));
    }

    /**
     * Logistic regression's negative log-likelihood, Σ softplus(Ax) − yᵀAx, for labels y in [0, 1].
     * Its gradient Aᵀ(σ(Ax) − y) vanishes where σ(Ax) = y: labels made as σ(Ax*) put the minimum at
     * x*.
     */
    @Differentiable(wrt = "x")
    public static double logistic(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj z = mult(A, x);
        return sum(softplus(z)) - dot(y, z);
    }

    /** The residuals of fitting exp(Ax) to b: zero, a known minimum, where b = exp(Ax*). */
    @Differentiable(wrt = "x")
    public static DMatrixRMaj exponentialResiduals(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        return sub(exp(mult(A, x)), b);
    }
}
