package io.matgrad.runtime;

import org.ejml.data.DMatrixRMaj;

/**
 * The argument checks generated methods run on entry, here so that every generated method words
 * its errors alike and checks in one line each. Each failure is an {@link IllegalArgumentException}
 * naming the generated method, the parameters involved with their shapes, and the rule they broke.
 *
 * <p>Every check takes only constants besides the values checked, and builds its message only when
 * it fails: a check that passes allocates nothing.
 *
 * <p>Generated methods run the checks before any work, so a failed check leaves every argument, the
 * outputs included, as it was. Entries are not checked: NaN and infinities propagate (see the
 * package documentation).
 */
public final class Arguments {
    private Arguments() {}

    /**
     * Requires a dimension of {@code a} to equal one of {@code b}, e.g. failing with
     * {@code "leastSquaresGradX: A is 3x5 and x is 4x1, but mult(A, x) needs A.numCols == x.numRows"}.
     *
     * @param rule what the formula needs, as in {@code "mult(A, x) needs A.numCols == x.numRows"}
     */
    public static void requireDimension(int actual, int expected, String method, String rule,
            String nameA, DMatrixRMaj a, String nameB, DMatrixRMaj b) {
        if (actual != expected) {
            // a rule relating two dimensions of one matrix (logDet(S) needs S.numRows == S.numCols)
            // names that matrix once
            String shapes = nameA.equals(nameB) && a == b
                    ? nameA + " is " + Shapes.of(a)
                    : nameA + " is " + Shapes.of(a) + " and " + nameB + " is " + Shapes.of(b);
            throw new IllegalArgumentException(method + ": " + shapes + ", but " + rule);
        }
    }

    /**
     * Requires a dimension of {@code a} to equal a fixed size, e.g. failing with
     * {@code "f: v is 2x3, but diag(v) needs v.numCols == 1"}.
     */
    public static void requireDimension(int actual, int expected, String method, String rule,
            String name, DMatrixRMaj a) {
        if (actual != expected) {
            throw new IllegalArgumentException(method + ": " + name + " is " + Shapes.of(a) + ", but " + rule);
        }
    }

    /**
     * Requires a dimension of the argument {@code a} (named {@code name}) to be at least
     * {@code least}, as an entry or a block the formula reads at a fixed position needs.
     *
     * @param rule the requirement as the formula states it: {@code extract(A, 0, 3, 0, 1) needs A.numRows >= 3}
     */
    public static void requireAtLeast(int actual, int least, String method, String rule, String name, DMatrixRMaj a) {
        if (actual < least) {
            throw new IllegalArgumentException(method + ": " + name + " is " + Shapes.of(a) + ", but " + rule);
        }
    }

    /**
     * Requires an output argument not to share its storage with an input or another output: writing
     * it would destroy an operand while it is still being read. Storage is compared, not only the
     * objects: a matrix wrapping another's array ({@code DMatrixRMaj.wrap(3, 1, x.data)}) is the
     * same numbers under a second name.
     */
    public static void requireDistinct(DMatrixRMaj output, DMatrixRMaj other, String method,
            String outputName, String otherName) {
        if (output == other) {
            throw new IllegalArgumentException(method + ": the output " + outputName
                    + " is the same matrix as " + otherName + "; pass a separate matrix to receive the result");
        }
        if (output.data == other.data) {
            throw new IllegalArgumentException(method + ": the output " + outputName
                    + " shares its data array with " + otherName
                    + " (one wraps the other's array); pass a matrix with an array of its own to receive the result");
        }
    }
}
