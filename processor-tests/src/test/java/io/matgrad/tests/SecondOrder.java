package io.matgrad.tests;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/** Vector functions (for Jacobians) and scalar functions with {@code hessian = true}. */
public class SecondOrder {

    // ---------------------------------------------------------------- vector functions

    @Differentiable(wrt = {"x", "A"})
    public static DMatrixRMaj residuals(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        return sub(mult(A, x), b);
    }

    @Differentiable(wrt = {"x", "W"})
    public static DMatrixRMaj tanhLayer(DMatrixRMaj W, DMatrixRMaj x) {
        return tanh(mult(W, x));
    }

    @Differentiable(wrt = {"x", "b"})
    public static DMatrixRMaj sigmoidLayer(DMatrixRMaj W, DMatrixRMaj x, DMatrixRMaj b) {
        return sigmoid(add(mult(W, x), b));
    }

    @Differentiable(wrt = "x")
    public static DMatrixRMaj softmax(DMatrixRMaj A, DMatrixRMaj x) {
        DMatrixRMaj e = exp(mult(A, x));
        return scale(1.0 / sum(e), e);
    }

    @Differentiable
    public static DMatrixRMaj squares(DMatrixRMaj x) {
        return elementMult(x, x);
    }

    @Differentiable
    public static DMatrixRMaj normalized(DMatrixRMaj x) {
        return scale(1 / norm(x), x);
    }

    @Differentiable(wrt = {"x", "W1"})
    public static DMatrixRMaj twoLayer(DMatrixRMaj W1, DMatrixRMaj W2, DMatrixRMaj x) {
        return mult(W2, tanh(mult(W1, x)));
    }

    @Differentiable(wrt = {"x", "S"})
    public static DMatrixRMaj linearSystem(DMatrixRMaj S, DMatrixRMaj x) {
        return solve(S, x);
    }

    @Differentiable(wrt = {"x", "y"})
    public static DMatrixRMaj scaledByInnerProduct(DMatrixRMaj x, DMatrixRMaj y) {
        return scale(dot(x, y), x);
    }

    /** A logistic growth curve a + b σ(c (t − d)), with one Jacobian column per parameter. */
    @Differentiable(wrt = {"a", "b", "c", "d"})
    public static DMatrixRMaj logisticCurve(DMatrixRMaj t, double a, double b, double c, double d) {
        DMatrixRMaj ones = elementDiv(t, t);
        return add(scale(a, ones), scale(b, sigmoid(scale(c, sub(t, scale(d, ones))))));
    }

    @Differentiable(wrt = "x", jacobianLayout = Differentiable.Layout.DENOMINATOR)
    public static DMatrixRMaj residualsDenominator(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        return tanh(sub(mult(A, x), b));
    }

    // ---------------------------------------------------------------- Hessians

    @Differentiable(wrt = "x", hessian = true)
    public static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
        return normSq(sub(mult(A, x), b));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double quadraticForm(DMatrixRMaj S, DMatrixRMaj x) {
        return dot(x, mult(S, x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double logistic(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj z = mult(A, x);
        return sum(sub(softplus(z), elementMult(y, z)));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double logSumExpOfAx(DMatrixRMaj A, DMatrixRMaj x) {
        return logSumExp(mult(A, x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double tanhNetwork(DMatrixRMaj W1, DMatrixRMaj w2, DMatrixRMaj x) {
        return dot(w2, tanh(mult(W1, x)));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double productOfInnerProducts(DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj S) {
        return dot(x, y) * dot(x, mult(S, x));
    }

    @Differentiable(wrt = {"x", "lambda"}, hessian = true)
    public static double ridge(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b, double lambda) {
        return normSq(sub(mult(A, x), b)) + lambda * lambda * normSq(x);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double mahalanobis(DMatrixRMaj S, DMatrixRMaj x, DMatrixRMaj mu) {
        DMatrixRMaj d = sub(x, mu);
        return dot(d, solve(S, d));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double norms(DMatrixRMaj x) {
        return norm(x) + Math.log(1 + normSq(x)) + sum(sqrt(add(square(x), elementDiv(x, x))));
    }

    /**
     * ‖x‖: its Hessian (I − x̂x̂ᵀ) / ‖x‖ maps x to 0, so the generated test's Hessian-vector check
     * along v = x compared rounding noise with 0 and failed on correct code (issue 16); it now takes
     * a random direction.
     */
    @Differentiable(wrt = "x", hessian = true)
    public static double euclideanNorm(DMatrixRMaj x) {
        return norm(x);
    }

    @Differentiable(wrt = "U", hessian = true)
    public static double factorization(DMatrixRMaj Y, DMatrixRMaj U, DMatrixRMaj V) {
        return normSq(sub(Y, mult(U, transpose(V))));
    }

    @Differentiable(wrt = "X", hessian = true)
    public static double logDetBarrier(DMatrixRMaj X, DMatrixRMaj C) {
        return trace(mult(C, X)) - logDet(X);
    }
}
