package io.matgrad.tests;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/**
 * Models users write with the language's rows, columns, broadcasting, non-smooth functions,
 * slices and entries: the ones a smaller language could not express, or only with ones and
 * identity matrices passed in as extra parameters.
 */
public class LanguageModels {

    /** Softmax regression over a batch: a bias added to every row, the log-partition of each row. */
    @Differentiable(wrt = {"W", "b"})
    public static double softmaxRegression(DMatrixRMaj X, DMatrixRMaj W, DMatrixRMaj b, DMatrixRMaj Y) {
        DMatrixRMaj Z = addRowVector(mult(X, W), b);
        return sum(rowLogSumExp(Z)) - dot(Y, Z);
    }

    /** A dense layer with a bias, each column of X a sample. */
    @Differentiable(wrt = {"W", "b"})
    public static double denseLayer(DMatrixRMaj W, DMatrixRMaj b, DMatrixRMaj X, DMatrixRMaj Y) {
        DMatrixRMaj H = tanh(addColumnVector(mult(W, X), b));
        return normSq(sub(H, Y));
    }

    /** Huber's loss with threshold delta: r²/2 near 0, delta (|r| − delta/2) beyond. */
    @Differentiable(wrt = {"x", "delta"})
    public static double huberRegression(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b, double delta) {
        DMatrixRMaj r = sub(mult(A, x), b);
        DMatrixRMaj q = minimum(abs(r), delta);
        return sum(elementMult(q, sub(abs(r), scale(0.5, q))));
    }

    /** The lasso: an L1 penalty. */
    @Differentiable(wrt = "x")
    public static double lasso(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b, double lambda) {
        return 0.5 * normSq(sub(mult(A, x), b)) + lambda * sum(abs(x));
    }

    /** A mean squared error: the sum over the rows, divided by their number. */
    @Differentiable(wrt = "x")
    public static double meanSquaredError(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        DMatrixRMaj r = sub(mult(A, x), b);
        return normSq(r) / r.numRows;
    }

    /** The negative log-likelihood of a Gaussian process with an RBF kernel, in its hyperparameters. */
    @Differentiable(wrt = {"ell", "noise", "X"})
    public static double gaussianProcess(DMatrixRMaj X, DMatrixRMaj y, double ell, double noise) {
        DMatrixRMaj sq = sumRows(square(X));
        DMatrixRMaj D = addColumnVector(addRowVector(scale(-2.0, mult(X, transpose(X))), transpose(sq)), sq);
        DMatrixRMaj K = addIdentity(exp(divide(D, -2.0 * ell * ell)), noise);
        return 0.5 * dot(y, solve(K, y)) + 0.5 * logDet(K) + 0.5 * y.numRows * Math.log(2 * Math.PI);
    }

    /** The reprojection error of a 3D point seen by a pinhole camera at rotation R, translation t. */
    @Differentiable(wrt = {"p", "t"})
    public static double reprojection(DMatrixRMaj R, DMatrixRMaj t, DMatrixRMaj p, double u, double v) {
        DMatrixRMaj q = add(mult(R, p), t);
        double du = q.get(0, 0) / q.get(2, 0) - u;
        double dv = q.get(1, 0) / q.get(2, 0) - v;
        return du * du + dv * dv;
    }

    /** Scaled dot-product attention, weighted. */
    @Differentiable(wrt = {"Q", "K", "V"})
    public static double attention(DMatrixRMaj Q, DMatrixRMaj K, DMatrixRMaj V, DMatrixRMaj W) {
        DMatrixRMaj weights = rowSoftmax(scale(1.0 / Math.sqrt(Q.numCols), mult(Q, transpose(K))));
        return dot(W, mult(weights, V));
    }

    /** Blocks of one matrix, stacked and laid side by side. */
    @Differentiable(wrt = "A")
    public static double blocks(DMatrixRMaj A, DMatrixRMaj W) {
        DMatrixRMaj top = extract(A, 0, 2, 0, 3);
        DMatrixRMaj bottom = extract(A, 2 - 1, 1 + 2, 0, 3);
        return dot(W, concatRows(concatRows(top, bottom), transpose(extract(A, 0, 3, 1, 3))))
                + normSq(concatColumns(extract(A, 0, 3, 0, 1), A));
    }

    /** A Kronecker product, in both factors. */
    @Differentiable(wrt = {"A", "B"})
    public static double kronecker(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj W) {
        return dot(W, kron(A, B)) + normSq(kron(B, A));
    }

    /** Entries and sizes: the mean of the entries and a corner of the matrix. */
    @Differentiable(wrt = "A")
    public static double entries(DMatrixRMaj A) {
        return sum(A) / A.getNumElements() + A.get(1, 2) * A.get(0, 0) - A.numCols * normSq(sumCols(A));
    }

    /** Logistic regression with an intercept c added to every score. */
    @Differentiable(wrt = {"w", "c"})
    public static double logisticWithIntercept(DMatrixRMaj X, DMatrixRMaj w, double c, DMatrixRMaj y) {
        DMatrixRMaj z = add(mult(X, w), c);
        return sum(softplus(z)) - dot(y, z);
    }

    /** A double with every entry, each way round. */
    @Differentiable(wrt = {"A", "s"})
    public static double withDoubles(DMatrixRMaj A, double s) {
        return sum(divide(s, exp(A))) + sum(divide(A, s)) + normSq(sub(s, A)) + sum(relu(sub(A, s)));
    }

    /** The smooth and periodic functions and a maximum, elementwise and on doubles. */
    @Differentiable(wrt = {"A", "B", "t"})
    public static double elementwise(DMatrixRMaj A, DMatrixRMaj B, double t) {
        return sum(elementMult(sin(A), cos(B))) + sum(log1p(square(A))) + sum(expm1(scale(0.1, B)))
                + sum(maximum(A, B)) + Math.max(t, 0.3) * Math.sin(t) + Math.log1p(t * t) + Math.abs(Math.expm1(t));
    }

    /** A helper reading its argument's size: the mean of the squares of a residual. */
    @Differentiable(wrt = "r")
    public static double meanSquare(DMatrixRMaj r) {
        return normSq(r) / r.getNumElements();
    }

    /** Helpers over the new language: the size is the argument's, the softmax a matrix-valued helper's. */
    @Differentiable(wrt = {"W", "x"})
    public static double helpers(DMatrixRMaj X, DMatrixRMaj W, DMatrixRMaj x, DMatrixRMaj b) {
        return meanSquare(sub(mult(X, x), b)) + meanSquare(probabilities(X, W)) + x.get(1, 0) * sum(extract(W, 0, 2, 0, 1));
    }

    /** A matrix-valued helper: row-wise class probabilities. */
    @Differentiable(wrt = "W")
    public static DMatrixRMaj probabilities(DMatrixRMaj X, DMatrixRMaj W) {
        return rowSoftmax(mult(X, W));
    }
}
