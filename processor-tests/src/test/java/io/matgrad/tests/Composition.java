package io.matgrad.tests;

import static io.matgrad.runtime.MatrixOps.*;
import static io.matgrad.tests.CompositionLayers.layer;

import io.matgrad.annotations.Differentiable;
import io.matgrad.annotations.Shape;
import org.ejml.data.DMatrixRMaj;

/**
 * Functions that call other {@code @Differentiable} functions (helpers), of this class or of
 * {@link CompositionLayers}: their derivatives go through the calls.
 */
public class Composition {

    // ---------------------------------------------------------------- helpers

    /** A helper returning a double: {@code λ/2 ‖w‖²}. */
    @Differentiable
    public static double penalty(DMatrixRMaj w, double lambda) {
        double half = 0.5 * lambda;
        return half * normSq(w);
    }

    /** An overload by kind: {@code s²}. */
    @Differentiable
    public static double size(double s) {
        return s * s;
    }

    /** An overload by kind: {@code ‖w‖²}. */
    @Differentiable
    public static double size(DMatrixRMaj w) {
        return normSq(w);
    }

    /** A private helper, the innermost of three levels: a softmax. */
    @Differentiable
    private static DMatrixRMaj softmax(DMatrixRMaj z) {
        DMatrixRMaj e = exp(z);
        return scale(1.0 / sum(e), e);
    }

    /** The middle level: the class probabilities of a linear model. */
    @Differentiable(wrt = "x")
    public static DMatrixRMaj probabilities(DMatrixRMaj W, DMatrixRMaj x) {
        return softmax(mult(W, x));
    }

    /** A matrix-valued helper, {@code u vᵀ}: no column. */
    @Differentiable
    public static DMatrixRMaj outer(DMatrixRMaj u, DMatrixRMaj v) {
        return mult(u, transpose(v));
    }

    /** A helper with declared shapes, {@code vᵀ S v}. */
    @Differentiable
    public static double quadratic(@Shape("n x n") DMatrixRMaj S, @Shape("n x 1") DMatrixRMaj v) {
        return dot(v, mult(S, v));
    }

    // ---------------------------------------------------------------- callers

    /** A two-layer network written with the helpers of another class, each layer's weights penalized. */
    @Differentiable(wrt = {"W1", "W2", "x"})
    public static double network(DMatrixRMaj W1, DMatrixRMaj b1, DMatrixRMaj W2, DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj h = layer(W1, x, b1);
        DMatrixRMaj out = CompositionLayers.layer(W2, h);
        return normSq(sub(out, y)) + penalty(W1, 1e-2) + penalty(W2, 1e-2);
    }

    /** The network's output, a vector function: Jacobians through two calls of one helper. */
    @Differentiable(wrt = {"x", "W1"})
    public static DMatrixRMaj twoLayers(DMatrixRMaj W1, DMatrixRMaj W2, DMatrixRMaj x) {
        return layer(W2, layer(W1, x));
    }

    /** Hessians through helpers: a network's loss in its input, plus a penalty. */
    @Differentiable(wrt = "x", hessian = true)
    public static double networkLoss(DMatrixRMaj W1, DMatrixRMaj W2, DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj h = layer(W1, x);
        return normSq(sub(layer(W2, h), y)) + penalty(x, 0.1);
    }

    /** A helper returning a double, differentiated in a matrix and in a double, to second order. */
    @Differentiable(wrt = {"x", "lambda"}, hessian = true)
    public static double ridge(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b, double lambda) {
        return normSq(sub(mult(A, x), b)) + penalty(x, lambda);
    }

    /** Three levels, crossEntropy → probabilities → softmax (private). */
    @Differentiable(wrt = {"x", "W"}, hessian = true)
    public static double crossEntropy(DMatrixRMaj W, DMatrixRMaj x, DMatrixRMaj t) {
        DMatrixRMaj p = probabilities(W, x);
        return -dot(t, log(p));
    }

    /** Overloads chosen by kind, one called qualified. */
    @Differentiable(wrt = {"x", "s"}, hessian = true)
    public static double sizes(DMatrixRMaj x, double s) {
        return size(x) + size(s) * size(2.0) + Composition.size(scale(s, x));
    }

    /** A matrix-valued helper inside a double: {@code ⟨S, x yᵀ⟩ = xᵀ S y}. */
    @Differentiable(wrt = {"x", "y", "S"})
    public static double bilinear(DMatrixRMaj S, DMatrixRMaj x, DMatrixRMaj y) {
        return dot(S, outer(x, y));
    }

    /** One helper at two shapes, its declarations required of each call's arguments. */
    @Differentiable(wrt = {"x", "y"}, hessian = true)
    public static double twoQuadratics(DMatrixRMaj P, DMatrixRMaj x, DMatrixRMaj Q, DMatrixRMaj y) {
        return quadratic(P, x) + quadratic(Q, y) * penalty(y, 2);
    }
}
