package io.matgrad.tests;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/**
 * Functions for {@link MagnitudesTest}: every function of the table alone (the elementwise ones
 * summed), each with its Hessian, to be differentiated at arguments of magnitude 1e-300 to 1e300.
 */
public class Magnitudes {

    // ---------------------------------------------------------------- reductions

    @Differentiable(wrt = "x", hessian = true)
    public static double normOf(DMatrixRMaj x) {
        return norm(x);
    }

    /** The Frobenius norm of a matrix (Hessians are taken with respect to column vectors). */
    @Differentiable(wrt = "X")
    public static double normOfMatrix(DMatrixRMaj X) {
        return norm(X);
    }

    /** ‖Ax‖: the norm's derivatives inside a product. */
    @Differentiable(wrt = "x", hessian = true)
    public static double normOfProduct(DMatrixRMaj A, DMatrixRMaj x) {
        return norm(mult(A, x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double normSqOf(DMatrixRMaj x) {
        return normSq(x);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double logSumExpOf(DMatrixRMaj x) {
        return logSumExp(x);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOf(DMatrixRMaj x) {
        return sum(x);
    }

    @Differentiable(wrt = "X", hessian = true)
    public static double traceOf(DMatrixRMaj X) {
        return trace(X);
    }

    @Differentiable(wrt = "X", hessian = true)
    public static double logDetOf(DMatrixRMaj X) {
        return logDet(X);
    }

    @Differentiable(wrt = "X", hessian = true)
    public static double detOf(DMatrixRMaj X) {
        return det(X);
    }

    // ---------------------------------------------------------------- elementwise functions, summed

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfExp(DMatrixRMaj x) {
        return sum(exp(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfLog(DMatrixRMaj x) {
        return sum(log(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfTanh(DMatrixRMaj x) {
        return sum(tanh(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfSigmoid(DMatrixRMaj x) {
        return sum(sigmoid(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfSoftplus(DMatrixRMaj x) {
        return sum(softplus(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfSquare(DMatrixRMaj x) {
        return sum(square(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfSqrt(DMatrixRMaj x) {
        return sum(sqrt(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfAbs(DMatrixRMaj x) {
        return sum(abs(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfSign(DMatrixRMaj x) {
        return sum(sign(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfRelu(DMatrixRMaj x) {
        return sum(relu(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfHeaviside(DMatrixRMaj x) {
        return sum(heaviside(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfSin(DMatrixRMaj x) {
        return sum(sin(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfCos(DMatrixRMaj x) {
        return sum(cos(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfLog1p(DMatrixRMaj x) {
        return sum(log1p(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfExpm1(DMatrixRMaj x) {
        return sum(expm1(x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfCube(DMatrixRMaj x) {
        return sum(pow(x, 3));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfInverseRootCube(DMatrixRMaj x) {
        return sum(pow(x, -1.5));
    }

    /** Σ x^p in the exponent: Σ x^p log x, Σ x^p log² x. */
    @Differentiable(wrt = "p", hessian = true)
    public static double sumOfPowerInExponent(DMatrixRMaj x, double p) {
        return sum(pow(x, p));
    }

    /** Σ y ⊘ x: the quotient rule's second derivative, 2 y ⊘ x^3. */
    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfQuotient(DMatrixRMaj x, DMatrixRMaj y) {
        return sum(elementDiv(y, x));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfMaximum(DMatrixRMaj x, DMatrixRMaj y) {
        return sum(maximum(x, y));
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double sumOfMinimum(DMatrixRMaj x, double c) {
        return sum(minimum(x, c));
    }

    // ---------------------------------------------------------------- matrix algebra

    /** xᵀAx: gradient (A + Aᵀ)x, Hessian A + Aᵀ. */
    @Differentiable(wrt = "x", hessian = true)
    public static double quadraticForm(DMatrixRMaj A, DMatrixRMaj x) {
        return dot(x, mult(A, x));
    }

    /** bᵀS⁻¹b for a symmetric S: gradient 2 S⁻¹b, Hessian 2 S⁻¹. */
    @Differentiable(wrt = "b", hessian = true)
    public static double inverseQuadraticForm(DMatrixRMaj S, DMatrixRMaj b) {
        return dot(b, solve(S, b));
    }

    // ---------------------------------------------------------------- doubles

    @Differentiable(wrt = "x", hessian = true)
    public static double mathExp(double x) {
        return Math.exp(x);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double mathLog(double x) {
        return Math.log(x);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double mathSqrt(double x) {
        return Math.sqrt(x);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double mathTanh(double x) {
        return Math.tanh(x);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double mathLog1p(double x) {
        return Math.log1p(x);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double mathExpm1(double x) {
        return Math.expm1(x);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double mathSin(double x) {
        return Math.sin(x);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double mathCos(double x) {
        return Math.cos(x);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double mathAbs(double x) {
        return Math.abs(x);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double mathSignum(double x) {
        return Math.signum(x);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double mathPow(double x) {
        return Math.pow(x, -1.5);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double mathMax(double x, double c) {
        return Math.max(x, c);
    }

    @Differentiable(wrt = "x", hessian = true)
    public static double mathMin(double x, double c) {
        return Math.min(x, c);
    }

    /** y / x: its second derivative, 2y / x³, computed as 2 ((y / x) / x) / x. */
    @Differentiable(wrt = "x", hessian = true)
    public static double quotient(double x, double y) {
        return y / x;
    }
}
