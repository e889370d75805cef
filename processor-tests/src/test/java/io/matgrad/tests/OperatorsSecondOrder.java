package io.matgrad.tests;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/** Jacobians and Hessians through the full operator set (see {@link OperatorsSecondOrderTest}). */
public class OperatorsSecondOrder {

    // ---------------------------------------------------------------- vector functions

    @Differentiable(wrt = {"x", "A"})
    public static DMatrixRMaj inverseTimesTanh(DMatrixRMaj A, DMatrixRMaj x) {
        return mult(inv(A), tanh(x));
    }

    @Differentiable(wrt = {"x", "A"})
    public static DMatrixRMaj softplusLayer(DMatrixRMaj A, DMatrixRMaj x) {
        return softplus(mult(A, x));
    }

    @Differentiable(wrt = "x")
    public static DMatrixRMaj elementwiseRational(DMatrixRMaj x, DMatrixRMaj ones) {
        return add(elementDiv(x, add(ones, square(x))), pow(add(square(x), ones), 1.5));
    }

    @Differentiable(wrt = "x")
    public static DMatrixRMaj scaledByLogDet(DMatrixRMaj S, DMatrixRMaj x) {
        return scale(logDet(add(S, mult(x, transpose(x)))), sqrt(exp(x)));
    }

    @Differentiable(wrt = {"x", "A"})
    public static DMatrixRMaj transposedSolve(DMatrixRMaj A, DMatrixRMaj x) {
        return solve(transpose(A), log(add(exp(x), exp(neg(x)))));
    }

    // ---------------------------------------------------------------- Hessians

    @Differentiable(wrt = "x", hessian = true)
    public static double normOfSolve(DMatrixRMaj A, DMatrixRMaj x) {
        return normSq(solve(A, x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double quadraticFormOfInverse(DMatrixRMaj A, DMatrixRMaj x) {
        return dot(x, mult(inv(A), x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double logDetOfDiagonalShift(DMatrixRMaj S, DMatrixRMaj x) {
        return logDet(add(S, diag(square(x))));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double determinantLemma(DMatrixRMaj S, DMatrixRMaj x) {
        return det(add(S, mult(x, transpose(x))));
    }

    @Differentiable(wrt = {"x", "s"}, hessian = true)
    public static double mathFunctions(DMatrixRMaj a, DMatrixRMaj x, double s) {
        double q = normSq(x);
        return Math.exp(dot(a, x) * s) + Math.log(1 + q) + Math.tanh(sum(x)) + Math.sqrt(1 + s * q)
                + Math.pow(1 + q, 0.75);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double elementwiseSums(DMatrixRMaj c, DMatrixRMaj x, DMatrixRMaj ones) {
        return dot(c, sigmoid(x)) + sum(sqrt(add(square(x), ones))) + sum(pow(add(square(x), ones), 1.5))
                + norm(x) + logSumExp(scale(2.0, x));
    }

    @Differentiable(wrt = "mu", hessian = true)
    public static double gaussianNll(DMatrixRMaj X, DMatrixRMaj mu, DMatrixRMaj S, DMatrixRMaj ones) {
        DMatrixRMaj centered = sub(X, mult(mu, transpose(ones)));
        return sum(ones) / 2 * logDet(S) + 0.5 * trace(solve(S, mult(centered, transpose(centered))));
    }

    @Differentiable(wrt = "w", hessian = true)
    public static double poissonRegression(DMatrixRMaj X, DMatrixRMaj w, DMatrixRMaj y) {
        DMatrixRMaj z = mult(X, w);
        return sum(exp(z)) - dot(y, z);
    }
}
