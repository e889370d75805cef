package com.example.fit;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/** A user's models: matgrad writes {@code ModelsGradients} beside this class when it compiles. */
public final class Models {
    private Models() {}

    /** ‖Ax − b‖² + λ‖x‖². */
    @Differentiable(wrt = "x", hessian = true)
    public static double ridge(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b, double lambda) {
        DMatrixRMaj r = sub(mult(A, x), b);
        return dot(r, r) + lambda * normSq(x);
    }
}
