package io.matgrad.runtime;

import org.ejml.data.DMatrixRMaj;

/**
 * Shape checks shared by every function of the runtime, so that all dimension errors read the same
 * way: the call as the user wrote it, each operand's shape, and the rule it broke, e.g.
 * {@code "mult(A, B): A is 3x4 but B is 5x1; columns of A must equal rows of B"}.
 *
 * <p>Each check throws {@link IllegalArgumentException}; {@code call} is the function with its
 * parameter names, as in {@code "add(A, B)"}.
 */
final class Shapes {

    private Shapes() {}

    /** The shape as {@code rows x cols}, e.g. {@code "3x4"}. */
    static String of(DMatrixRMaj m) {
        return m.numRows + "x" + m.numCols;
    }

    static void requireSameShape(String call, String nameA, DMatrixRMaj a, String nameB, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw mismatch(call, nameA, a, nameB, b, "shapes must be equal");
        }
    }

    /** {@code a b} is defined: columns of {@code a} equal rows of {@code b}. */
    static void requireMultipliable(String call, String nameA, DMatrixRMaj a, String nameB, DMatrixRMaj b) {
        if (a.numCols != b.numRows) {
            throw mismatch(call, nameA, a, nameB, b,
                    "columns of " + nameA + " must equal rows of " + nameB);
        }
    }

    /** {@code a^-1 b} is defined: {@code a} is square and has as many rows as {@code b}. */
    static void requireSolvable(String call, String nameA, DMatrixRMaj a, String nameB, DMatrixRMaj b) {
        requireSquare(call, nameA, a);
        if (a.numRows != b.numRows) {
            throw mismatch(call, nameA, a, nameB, b, "rows of " + nameA + " must equal rows of " + nameB);
        }
    }

    static void requireSquare(String call, String name, DMatrixRMaj a) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException(
                    call + ": " + name + " is " + of(a) + " but must be square");
        }
    }

    /** A vector is a matrix with one row or one column (so 1x1 is one). */
    static void requireVector(String call, String name, DMatrixRMaj v) {
        if (v.numRows != 1 && v.numCols != 1) {
            throw new IllegalArgumentException(
                    call + ": " + name + " is " + of(v) + " but must be a vector");
        }
    }

    private static IllegalArgumentException mismatch(
            String call, String nameA, DMatrixRMaj a, String nameB, DMatrixRMaj b, String rule) {
        return new IllegalArgumentException(
                call + ": " + nameA + " is " + of(a) + " but " + nameB + " is " + of(b) + "; " + rule);
    }
}
