package golden;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

public class Regression {
    @Differentiable(wrt = "x")
    public static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        DMatrixRMaj r = sub(mult(A, x), b);
        return dot(r, r);
    }

    @Differentiable(wrt = {"U", "V"})
    public static double matrixFactorization(DMatrixRMaj Y, DMatrixRMaj U, DMatrixRMaj V, double lambda) {
        DMatrixRMaj residual = sub(mult(U, transpose(V)), Y);
        return 0.5 * normSq(residual) + lambda * (normSq(U) + normSq(V));
    }

    @Differentiable(wrt = {"x", "lambda"})
    public static double ridge(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b, double lambda) {
        return normSq(sub(mult(A, x), b)) + lambda * dot(x, x);
    }
}
