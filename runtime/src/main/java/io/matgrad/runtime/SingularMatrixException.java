package io.matgrad.runtime;

/**
 * Thrown when a function needs a nonsingular matrix ({@code inv}, {@code solve}, {@code logDet},
 * and in generated code also the derivative of {@code det}, {@code det(A) A^-T}) and its
 * {@link Factorization} shows the matrix is singular to working precision: a pivot is at most
 * {@code n eps} times the largest.
 *
 * <p>An {@link ArithmeticException}, like division by zero, which it generalizes: returning
 * Infinity or NaN instead would let the failure surface far from its cause, typically as a NaN
 * gradient many steps later.
 */
public class SingularMatrixException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message names the function, the matrix and its size, e.g.
     *     {@code "inv(A): A is 3x3 and singular to working precision"} from {@link MatrixOps}, or
     *     {@code "gaussianNll: S is 3x3 and singular to working precision"} from generated code
     */
    public SingularMatrixException(String message) {
        super(message);
    }
}
