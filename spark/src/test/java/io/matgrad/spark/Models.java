package io.matgrad.spark;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/**
 * Sums over rows, written as a user writes them: matgrad (this build's processor) generates
 * {@code ModelsGradients} when the tests compile. Each is a sum of one term per row of A, so the sum
 * over blocks of rows is the function of all the rows.
 */
public final class Models {
    private Models() {}

    /** ‖Ax − b‖². */
    @Differentiable(wrt = "x")
    public static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        DMatrixRMaj r = sub(mult(A, x), b);
        return dot(r, r);
    }

    /** ‖AX − B‖², over a matrix X. */
    @Differentiable(wrt = "X")
    public static double matrixLeastSquares(DMatrixRMaj A, DMatrixRMaj X, DMatrixRMaj B) {
        return normSq(sub(mult(A, X), B));
    }

    /** Logistic regression's negative log-likelihood, Σ softplus(Ax) − yᵀAx, for labels y in [0, 1]. */
    @Differentiable(wrt = "x")
    public static double logistic(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj z = mult(A, x);
        return sum(softplus(z)) - dot(y, z);
    }

    /** (λ/2)‖x‖², a penalty of the parameters alone: added once, on the driver. */
    @Differentiable(wrt = "x")
    public static double ridge(DMatrixRMaj x, double lambda) {
        return 0.5 * lambda * normSq(x);
    }
}
