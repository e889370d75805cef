package io.matgrad.runtime;

/**
 * Thrown when a function needs a nonsingular matrix ({@code inv}, {@code solve}, {@code logDet})
 * and its factorization shows the matrix is singular to working precision.
 *
 * <p>An {@link ArithmeticException}, like division by zero, which it generalizes: returning
 * Infinity or NaN instead would let the failure surface far from its cause, typically as a NaN
 * gradient many steps later.
 */
public class SingularMatrixException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message names the function and the matrix size, e.g.
     *     {@code "inv(A): A is 3x3 and singular to working precision"}
     */
    public SingularMatrixException(String message) {
        super(message);
    }
}
