package io.matgrad.runtime.usermodels;

import io.matgrad.runtime.MatrixOps;
import org.ejml.data.DMatrixRMaj;

/** A function whose "generated" derivatives, in {@link WrongGradientsChecks}, are wrong in the ways code goes wrong. */
public class Wrong {
    private Wrong() {}

    /** ‖Ax − b‖². */
    public static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        return Models.leastSquares(A, x, b);
    }

    /** Σ e^x. */
    public static double sumExp(DMatrixRMaj x) {
        return MatrixOps.sum(MatrixOps.exp(x));
    }
}
