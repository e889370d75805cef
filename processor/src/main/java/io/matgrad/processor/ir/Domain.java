package io.matgrad.processor.ir;

/**
 * Where an operation is defined in one of its operands, for the tests and checks that draw
 * arguments for it (the generated code itself follows IEEE 754 and {@code Math} outside).
 */
public enum Domain {
    /** Every finite value. */
    ANY,
    /** Positive entries (a logarithm, a square root, a divisor, a non-integer power's base). */
    POSITIVE,
    /** A nonsingular square matrix (an inverse, a solve, a determinant), drawn symmetric positive definite. */
    NONSINGULAR
}
