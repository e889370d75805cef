package io.matgrad.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the dimensions of a {@code DMatrixRMaj} parameter of a {@link Differentiable} method, as
 * {@code "rows x cols"}; each is a positive number or a name.
 *
 * <pre>{@code
 * @Differentiable(wrt = "x")
 * static double leastSquares(@Shape("m x n") DMatrixRMaj A, @Shape("n x 1") DMatrixRMaj x,
 *                            @Shape("m x 1") DMatrixRMaj b) {
 *     return normSq(sub(mult(A, x), b));
 * }
 * }</pre>
 *
 * <ul>
 *   <li>A name shared between parameters (or both sides of one) is one dimension: above, the columns
 *       of {@code A} are the rows of {@code x}.
 *   <li>Different names are different dimensions: a body that needs {@code m == n} (say
 *       {@code trace(A)}) is a compile error at the expression that needs it. Write one name where
 *       the dimensions are equal ({@code "n x n"}).
 *   <li>A number fixes the dimension: {@code @Shape("3 x 1")}.
 * </ul>
 *
 * <p>The processor checks the declarations against what the formula needs at compile time, and the
 * generated methods check the arguments against them on entry, throwing
 * {@link IllegalArgumentException} that names the parameter, its shape and the declared one.
 * Optional: undeclared dimensions are inferred from the formula.
 *
 * <p>CLASS retention: the annotation matters to the compiler only.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Shape {

    /** {@code "rows x cols"}, each a positive number or a name, as in {@code "n x 1"}. */
    String value();
}
