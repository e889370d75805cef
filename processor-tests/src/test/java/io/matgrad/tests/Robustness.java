package io.matgrad.tests;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import io.matgrad.annotations.Shape;
import org.ejml.data.DMatrixRMaj;

/** Functions for the run-time behaviour of generated code: shapes, singular and non-finite inputs, aliasing, threads. */
public class Robustness {

    @Differentiable(wrt = "x")
    public static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        return normSq(sub(mult(A, x), b));
    }

    @Differentiable(wrt = {"x", "S"})
    public static double declared(@Shape("m x n") DMatrixRMaj A, @Shape("n x 1") DMatrixRMaj x,
            @Shape("3 x 3") DMatrixRMaj S, @Shape("m x 1") DMatrixRMaj b) {
        return normSq(sub(mult(A, x), b)) + trace(S) * sum(x);
    }

    @Differentiable(wrt = "A")
    public static double inverse(DMatrixRMaj A) {
        return sum(inv(A));
    }

    @Differentiable(wrt = {"A", "b"})
    public static double solved(DMatrixRMaj A, DMatrixRMaj b) {
        return normSq(solve(A, b));
    }

    @Differentiable(wrt = "A")
    public static double logDeterminant(DMatrixRMaj A) {
        return logDet(A);
    }

    @Differentiable(wrt = "A")
    public static double determinant(DMatrixRMaj A) {
        return det(A);
    }

    @Differentiable(wrt = {"X", "w"})
    public static double logistic(DMatrixRMaj X, DMatrixRMaj y, DMatrixRMaj w) {
        DMatrixRMaj z = mult(X, w);
        return sum(softplus(z)) - dot(y, z) + 0.5 * normSq(w);
    }

    @Differentiable(wrt = "A")
    public static double frobenius(DMatrixRMaj A) {
        return norm(A);
    }

    @Differentiable(wrt = {"x", "s"})
    public static double scalarAndMatrix(DMatrixRMaj x, double s) {
        return s * s * logSumExp(x) + Math.exp(s) * sum(tanh(x));
    }
}
