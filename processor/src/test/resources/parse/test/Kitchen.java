package test;

import static io.matgrad.runtime.MatrixOps.*;
import static java.lang.Math.*;

import io.matgrad.annotations.Differentiable;
import io.matgrad.runtime.MatrixOps;
import org.ejml.data.DMatrixRMaj;

/**
 * Every construct of the language, for TranslationTest. MatrixOps.* and Math.* are both imported
 * on demand: overload resolution picks by argument kind, as javac does.
 */
public class Kitchen {
    static final double HALF = 0.5;
    static final int TWO = 2;

    @Differentiable(wrt = {"w", "b"})
    public static double logistic(DMatrixRMaj X, DMatrixRMaj y, DMatrixRMaj w, double b, double lambda) {
        DMatrixRMaj z = MatrixOps.add(mult(X, w), scale(b, y));
        final double fit = sum(softplus(z)) - dot(y, z);
        var penalty = HALF * lambda * normSq(w);
        return fit + penalty;
    }

    @Differentiable
    static double scalars(double s, double t) {
        double u = exp(-s) + Math.log(t) / sqrt(PI);
        double v = pow(u, TWO) - Math.tanh(+s) * E;
        return -(u * v) / 4 + 1e-3;
    }

    @Differentiable(wrt = {"A", "B", "v"})
    static double matrixFunctions(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj v) {
        DMatrixRMaj S = add(A, transpose(A));
        double a = trace(inv(S)) + det(S) + logDet(elementMult(S, S));
        double b = norm(elementDiv(exp(B), sigmoid(B))) + logSumExp(tanh(log(square(sqrt(B)))));
        DMatrixRMaj c = solve(S, neg(mult(diag(v), pow(B, 3))));
        return a + b + io.matgrad.runtime.MatrixOps.sum(sub(c, c));
    }

    @Differentiable(wrt = "x")
    static DMatrixRMaj residual(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        return sub(mult(A, x), b);
    }
}
