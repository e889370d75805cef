package io.matgrad.tests;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/**
 * Derivatives with respect to matrices of any shape: Hessians in a matrix parameter whose column
 * count the formula leaves free, and Jacobians of matrix-valued functions, ∂vec F/∂vec X.
 */
public final class MatrixDerivatives {
    private MatrixDerivatives() {}

    /** Multi-output least squares: the Hessian in W (n x k) is I ⊗ 2XᵀX. */
    @Differentiable(wrt = "W", hessian = true)
    public static double multiOutputLeastSquares(DMatrixRMaj X, DMatrixRMaj W, DMatrixRMaj Y) {
        return normSq(sub(mult(X, W), Y));
    }

    /** Softmax regression over a batch: a Hessian in W and in the bias row b that no Kronecker product collects. */
    @Differentiable(wrt = {"W", "b"}, hessian = true)
    public static double softmaxRegression(DMatrixRMaj X, DMatrixRMaj W, DMatrixRMaj b, DMatrixRMaj Y) {
        DMatrixRMaj Z = addRowVector(mult(X, W), b);
        return sum(rowLogSumExp(Z)) - dot(Y, Z) + 0.5 * normSq(W);
    }

    /** A trace form on both sides of X: tr(XᵀAX B), Hessian B ⊗ A + Bᵀ ⊗ Aᵀ. */
    @Differentiable(wrt = "X", hessian = true)
    public static double traceForm(DMatrixRMaj A, DMatrixRMaj X, DMatrixRMaj B) {
        return trace(mult(mult(transpose(X), mult(A, X)), B));
    }

    /** Blocks and entries of a matrix, squared. */
    @Differentiable(wrt = "W", hessian = true)
    public static double blocksAndEntries(DMatrixRMaj W) {
        return normSq(extract(W, 0, 2, 1, 3)) + W.get(1, 0) * W.get(2, 2) + sum(square(sumCols(W)));
    }

    /** A log-determinant barrier and a transpose, Hessian through inverses. */
    @Differentiable(wrt = "S", hessian = true)
    public static double barrier(DMatrixRMaj S, DMatrixRMaj C) {
        return dot(C, S) - logDet(S) + normSq(sub(S, transpose(S)));
    }

    /** Row-wise class probabilities: a matrix-valued function of a matrix. */
    @Differentiable(wrt = {"W", "X"})
    public static DMatrixRMaj probabilities(DMatrixRMaj X, DMatrixRMaj W) {
        return rowSoftmax(mult(X, W));
    }

    /** A dense layer over a batch, with a bias column added to every column. */
    @Differentiable(wrt = {"W", "b", "X"})
    public static DMatrixRMaj denseLayer(DMatrixRMaj W, DMatrixRMaj b, DMatrixRMaj X) {
        return tanh(addColumnVector(mult(W, X), b));
    }

    /** A congruence transform AᵀXA, in both A and X, and a transpose. */
    @Differentiable(wrt = {"A", "X"})
    public static DMatrixRMaj congruence(DMatrixRMaj A, DMatrixRMaj X) {
        return add(mult(transpose(A), mult(X, A)), transpose(X));
    }

    /** The inverse and a scale by a double. */
    @Differentiable(wrt = {"S", "c"})
    public static DMatrixRMaj scaledInverse(DMatrixRMaj S, double c) {
        return scale(c * c, inv(S));
    }

    /** Stacked blocks of two matrices, sums of rows and entries. */
    @Differentiable(wrt = {"A", "B"})
    public static DMatrixRMaj assembled(DMatrixRMaj A, DMatrixRMaj B) {
        return concatColumns(concatRows(A, elementMult(B, B)), scale(A.get(0, 1), sumRows(concatRows(B, A))));
    }

    /** A Kronecker product (its Jacobian comes one direction at a time). */
    @Differentiable(wrt = {"A", "B"})
    public static DMatrixRMaj kronecker(DMatrixRMaj A, DMatrixRMaj B) {
        return kron(A, sin(B));
    }
}
