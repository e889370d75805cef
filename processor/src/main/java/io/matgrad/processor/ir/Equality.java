package io.matgrad.processor.ir;

/**
 * Two dimensions an operation needs equal, such as the columns of A and the rows of B in
 * {@code mult(A, B)}: one clause of a shape rule. Parsing unifies them (and reports a conflict at
 * the call), the IR check verifies them, and those that remain symbolic become the generated code's
 * run-time checks.
 */
public record Equality(Dim left, Dim right) {

    /** Whether the two sides are the same dimension. */
    public boolean holds() {
        return left.equals(right);
    }
}
