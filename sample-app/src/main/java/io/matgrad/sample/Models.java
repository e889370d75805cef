package io.matgrad.sample;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/**
 * The sample's models, written as plain formulas. matgrad generates {@code ModelsGradients} from
 * them at compile time; each method here stays an ordinary method that evaluates its function.
 */
public final class Models {
    private Models() {}

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
}
