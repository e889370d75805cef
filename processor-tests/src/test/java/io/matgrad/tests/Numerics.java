package io.matgrad.tests;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/**
 * Functions for {@link NumericsTest}: the stable elementwise functions and logSumExp at magnitudes
 * where the textbook formulas overflow, and the linear algebra at singular matrices.
 */
public class Numerics {

    /** Logistic regression's loss Σ softplus(Xw) − yᵀXw: its gradient is Xᵀ(σ(Xw) − y). */
    @Differentiable(wrt = {"w", "X"})
    public static double logisticLoss(DMatrixRMaj X, DMatrixRMaj w, DMatrixRMaj y) {
        DMatrixRMaj z = mult(X, w);
        return sum(softplus(z)) - dot(y, z);
    }

    /** cᵀσ(Ax): its gradient is Aᵀ(c ∘ σ(Ax) ∘ (1 − σ(Ax))). */
    @Differentiable(wrt = {"x", "c"})
    public static double sigmoidScore(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj c) {
        return dot(c, sigmoid(mult(A, x)));
    }

    /** Σ tanh(Ax) + Σ softplus(−Ax): saturating on both sides. */
    @Differentiable(wrt = "x")
    public static double saturating(DMatrixRMaj A, DMatrixRMaj x) {
        DMatrixRMaj z = mult(A, x);
        return sum(tanh(z)) + sum(softplus(neg(z)));
    }

    /** logSumExp(Ax): its gradient is Aᵀ softmax(Ax). */
    @Differentiable(wrt = {"x", "A"})
    public static double logSumExpOfAx(DMatrixRMaj A, DMatrixRMaj x) {
        return logSumExp(mult(A, x));
    }

    /** Softmax cross-entropy logSumExp(Wx) − yᵀWx: its gradient in W is (softmax(Wx) − y)xᵀ. */
    @Differentiable(wrt = {"W", "x"})
    public static double softmaxCrossEntropy(DMatrixRMaj W, DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj z = mult(W, x);
        return logSumExp(z) - dot(y, z);
    }

    // ---------------------------------------------------------------- singular matrices

    @Differentiable(wrt = {"X", "b"})
    public static double inverseQuadraticForm(DMatrixRMaj X, DMatrixRMaj b) {
        return dot(b, mult(inv(X), b));
    }

    @Differentiable(wrt = {"A", "b"})
    public static double solveQuadraticForm(DMatrixRMaj A, DMatrixRMaj b) {
        return dot(b, solve(A, b));
    }

    @Differentiable(wrt = "X")
    public static double logDeterminant(DMatrixRMaj X) {
        return logDet(X);
    }

    @Differentiable(wrt = "X")
    public static double determinant(DMatrixRMaj X) {
        return det(X);
    }

    /** det(X)² + tr(X): the value is fine at a singular X; the gradient needs X⁻¹. */
    @Differentiable(wrt = "X")
    public static double squaredDeterminant(DMatrixRMaj X) {
        double d = det(X);
        return d * d + trace(X);
    }

    @Differentiable(wrt = {"mu", "S"})
    public static double gaussianNll(DMatrixRMaj X, DMatrixRMaj mu, DMatrixRMaj S, DMatrixRMaj ones) {
        DMatrixRMaj centered = sub(X, mult(mu, transpose(ones)));
        return sum(ones) / 2 * logDet(S) + 0.5 * trace(solve(S, mult(centered, transpose(centered))));
    }
}
