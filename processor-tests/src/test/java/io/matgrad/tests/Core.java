package io.matgrad.tests;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import io.matgrad.annotations.Shape;
import io.matgrad.runtime.MatrixOps;
import org.ejml.data.DMatrixRMaj;

/** The foundation's language: locals, literals, double arithmetic, and the linear-algebra core of MatrixOps. */
public class Core {

    @Differentiable(wrt = "x")
    public static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        return normSq(sub(mult(A, x), b));
    }

    @Differentiable(wrt = {"x", "A", "b"})
    public static double leastSquaresWithLocal(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        DMatrixRMaj r = sub(mult(A, x), b);
        return dot(r, r);
    }

    @Differentiable(wrt = {"x", "lambda"})
    public static double ridge(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b, double lambda) {
        return normSq(sub(mult(A, x), b)) + lambda * normSq(x);
    }

    @Differentiable(wrt = {"x", "S"})
    public static double quadraticForm(DMatrixRMaj S, DMatrixRMaj x) {
        return dot(x, mult(S, x));
    }

    @Differentiable(wrt = {"A", "B"})
    public static double traceOfProduct(DMatrixRMaj A, DMatrixRMaj B) {
        return trace(mult(transpose(A), B));
    }

    @Differentiable(wrt = "X")
    public static double traceAXB(DMatrixRMaj A, DMatrixRMaj X, DMatrixRMaj B) {
        return trace(mult(mult(A, X), B));
    }

    @Differentiable(wrt = {"U", "V"})
    public static double matrixFactorization(DMatrixRMaj Y, DMatrixRMaj U, DMatrixRMaj V) {
        DMatrixRMaj residual = sub(Y, mult(U, transpose(V)));
        return 0.5 * normSq(residual);
    }

    @Differentiable(wrt = {"a", "b"})
    public static double scalarArithmetic(double a, double b) {
        double numerator = a * a + 3 * b;
        return numerator / (1.0 + a * b) - -a;
    }

    /** No wrt: the first parameter. */
    @Differentiable
    public static double defaultWrt(DMatrixRMaj x, DMatrixRMaj A) {
        return sum(mult(A, x));
    }

    @Differentiable(wrt = {"A", "x"})
    public static double negatedTranspose(DMatrixRMaj A, DMatrixRMaj x) {
        return sum(neg(transpose(mult(A, x))));
    }

    @Differentiable(wrt = {"s", "x", "y"})
    public static double scaledVectors(double s, DMatrixRMaj x, DMatrixRMaj y) {
        return dot(scale(s, x), scale(2.0, y));
    }

    @Differentiable(wrt = {"A", "B"})
    public static double sumOfProduct(DMatrixRMaj A, DMatrixRMaj B) {
        return sum(mult(A, B));
    }

    @Differentiable(wrt = "x")
    public static double ratioOfNorms(DMatrixRMaj x) {
        return normSq(x) * sum(x) / (1 + dot(x, x));
    }

    @Differentiable(wrt = {"A", "B"})
    public static double traceOfSums(DMatrixRMaj A, DMatrixRMaj B) {
        DMatrixRMaj symmetric = add(A, transpose(A));
        return trace(mult(add(symmetric, B), symmetric));
    }

    @Differentiable(wrt = {"x", "y"})
    public static double outerProduct(DMatrixRMaj x, DMatrixRMaj y) {
        return normSq(mult(x, transpose(y)));
    }

    @Differentiable(wrt = {"x"})
    public static double penalizedLeastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        return 0.5 * normSq(sub(mult(A, x), b)) + 1e-3 * dot(x, x);
    }

    @Differentiable(wrt = "x")
    public static double sharedLocals(DMatrixRMaj A, DMatrixRMaj x) {
        DMatrixRMaj r = mult(A, x);
        double s = dot(r, r);
        return s * s + s;
    }

    @Differentiable(wrt = {"a", "b"})
    public static double unaryOperators(double a, double b) {
        return -(-a * b) + +b / a;
    }

    @Differentiable(wrt = "X")
    public static double transposedWrt(DMatrixRMaj X, DMatrixRMaj y) {
        return normSq(mult(transpose(X), y));
    }

    @Differentiable(wrt = {"x", "y"})
    public static double quotientOfInnerProducts(DMatrixRMaj x, DMatrixRMaj y) {
        return dot(x, y) / normSq(x);
    }

    @Differentiable(wrt = "X")
    public static double traceOfSquare(DMatrixRMaj X) {
        return trace(mult(X, X));
    }

    @Differentiable(wrt = {"a", "X"})
    public static double scaledMatrix(double a, DMatrixRMaj X) {
        return normSq(scale(a, X)) - MatrixOps.sum(neg(X));
    }

    @Differentiable(wrt = {"W1", "W2"})
    public static double linearTwoLayer(DMatrixRMaj W1, DMatrixRMaj W2, DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj hidden = mult(W1, x);
        DMatrixRMaj output = mult(W2, hidden);
        return normSq(sub(output, y)) / 2;
    }

    /** xᵀAᵀy with A not square: EJML's innerProdTranA takes square matrices only (fuzz seed 47013178). */
    @Differentiable(wrt = {"x", "y", "A"})
    public static double transposedBilinearForm(DMatrixRMaj A, @Shape("n x 1") DMatrixRMaj x,
            @Shape("m x 1") DMatrixRMaj y) {
        return dot(x, mult(transpose(A), y));
    }
}
