package io.matgrad.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method, written in the language of {@code io.matgrad.runtime.MatrixOps}, whose
 * exact derivatives matgrad generates at compile time.
 *
 * <p>For a method {@code name} of a top-level class {@code p.C}, the processor writes
 * {@code p.CGradients} with, for each parameter {@code x} named in {@link #wrt()}:
 * {@code nameGradX(...)} (the gradient, shaped like {@code x}) and {@code nameValueAndGrad(...)} for
 * a scalar function; {@code nameJacobianX(...)} for a vector function; {@code nameHessianX(...)}
 * and {@code nameHessVecX(...)} when {@link #hessian()} is set.
 *
 * <pre>{@code
 * @Differentiable(wrt = "x")
 * static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
 *     return normSq(sub(mult(A, x), b));
 * }
 * }</pre>
 *
 * <p>Parameters may declare their dimensions with {@link Shape} ({@code @Shape("n x 1")}); the
 * processor checks the formula against them at compile time, the generated methods check the
 * arguments on entry. Anything outside the language is a compile error at the offending
 * expression, with a stable id such as {@code [MatgradLoop]}.
 *
 * <p><b>What is differentiated.</b> matgrad differentiates the function the returned formula
 * denotes, simplified as in exact arithmetic: a local the result does not use is not computed, and
 * identities such as {@code 0 * x = 0} and {@code x - x = 0} are applied. Everywhere the method
 * returns a value, the generated value agrees with it (to rounding). Where the method gives NaN or
 * throws only because of such a term, the generated code returns the finite value of the
 * simplified formula instead: with an unused local {@code inv(S)}, or a term
 * {@code 0.0 * logDet(S)}, the method throws {@code SingularMatrixException} at a singular
 * {@code S} and the generated methods do not; {@code normSq(x) + 0.0 * sum(exp(x))} at
 * {@code x = 1000} is NaN in the method ({@code 0 * Infinity}) and {@code normSq(x)} in the
 * generated code. Everywhere else the two agree.
 *
 * <p>CLASS retention: the annotation matters to the compiler only, and incremental builds (Gradle)
 * need it visible in class files.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Differentiable {

    /**
     * The parameters to differentiate with respect to, by name; empty means the first parameter.
     */
    String[] wrt() default {};

    /** Whether to generate {@code nameHessianX} and {@code nameHessVecX} too. */
    boolean hessian() default false;

    /**
     * How {@code nameJacobianX} lays out the Jacobian of a vector function {@code f} (m x 1) with
     * respect to {@code x} (n x 1): {@link Layout#NUMERATOR}, m x n, the default; or
     * {@link Layout#DENOMINATOR}, its transpose, n x m.
     */
    Layout jacobianLayout() default Layout.NUMERATOR;

    /** The two layouts of a Jacobian, as the matrix-calculus literature defines them. */
    enum Layout {
        /** {@code ∂f/∂xᵀ}, m x n: entry ij is {@code ∂f_i/∂x_j}; row i is the gradient of {@code f_i}, transposed. */
        NUMERATOR,
        /** {@code ∂fᵀ/∂x}, n x m: entry ij is {@code ∂f_j/∂x_i}; column j is the gradient of {@code f_j}. */
        DENOMINATOR
    }
}
