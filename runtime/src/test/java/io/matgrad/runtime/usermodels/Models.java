package io.matgrad.runtime.usermodels;

import io.matgrad.runtime.MatrixOps;
import org.ejml.data.DMatrixRMaj;

/**
 * Functions as a user writes them (without the processor here: their "generated" derivatives are
 * written by hand, in closed form, in {@link ModelsGradientsChecks}).
 */
public class Models {
    private Models() {}

    /** ‖Ax − b‖². */
    public static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        return MatrixOps.normSq(MatrixOps.sub(MatrixOps.mult(A, x), b));
    }

    /** log det S + xᵀSx, for symmetric positive definite S. */
    public static double logDetQuadratic(DMatrixRMaj S, DMatrixRMaj x) {
        return MatrixOps.logDet(S) + MatrixOps.dot(x, MatrixOps.mult(S, x));
    }

    /** Σ √x, for positive x. */
    public static double sqrtSum(DMatrixRMaj x) {
        return MatrixOps.sum(MatrixOps.sqrt(x));
    }

    /** s² ‖x‖². */
    public static double scaled(DMatrixRMaj x, double s) {
        return s * s * MatrixOps.normSq(x);
    }

    /** s A x, a vector function. */
    public static DMatrixRMaj affine(DMatrixRMaj A, DMatrixRMaj x, double s) {
        return MatrixOps.scale(s, MatrixOps.mult(A, x));
    }

    /** √(Σ x), finite only where Σ x ≥ 0: half the signed draws miss it. */
    public static double sqrtOfSum(DMatrixRMaj x) {
        return Math.sqrt(MatrixOps.sum(x));
    }
}
