package io.matgrad.solvers;

import org.ejml.data.DMatrixRMaj;

/**
 * How a solver's flat {@code double[]} is seen as a matrix: {@code rows x cols}, entries in row-major
 * order (EJML's own layout, so a view costs no copy). A column vector of n parameters is
 * {@code column(n)}; a weight matrix optimized as a whole is {@code of(rows, cols)}.
 */
public record MatrixShape(int rows, int cols) {

    /** A shape of at least one row and one column, else an {@code IllegalArgumentException}. */
    public MatrixShape {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a matrix shape needs rows >= 1 and cols >= 1, not " + rows + "x" + cols);
        }
    }

    /** An n x 1 column vector. */
    public static MatrixShape column(int n) {
        return new MatrixShape(n, 1);
    }

    /** A {@code rows x cols} matrix. */
    public static MatrixShape of(int rows, int cols) {
        return new MatrixShape(rows, cols);
    }

    /** The number of entries, {@code rows * cols}: the length of the solver's array. */
    public int size() {
        return rows * cols;
    }

    /**
     * A matrix of this shape over {@code array}, sharing it: writes to the matrix are writes to the
     * array, as long as nobody reshapes the matrix to more entries than the array holds. Entries
     * past {@link #size()} (solvers keep arrays that once held more) are left alone.
     *
     * @throws IllegalArgumentException if the array is shorter than {@link #size()}
     */
    public DMatrixRMaj wrap(double[] array) {
        if (array.length < size()) {
            throw new IllegalArgumentException("an array of length " + array.length + " cannot be viewed as a "
                    + this + " matrix; it needs length " + size());
        }
        return DMatrixRMaj.wrap(rows, cols, array);
    }

    /**
     * Requires that a function wrote {@code output}, made by {@link #wrap(double[]) wrap(array)},
     * where the solver will read it: still this shape and still over {@code array}. A function that
     * reshaped it (to a shape with more entries, EJML allocates a new array) would otherwise have
     * its result silently dropped.
     *
     * @param role what the output is, for the message: {@code "the gradient"}
     * @throws IllegalStateException if the output was reshaped or given another array
     */
    public void requireWrittenInPlace(DMatrixRMaj output, double[] array, String role) {
        if (output.numRows != rows || output.numCols != cols || output.data != array) {
            throw new IllegalStateException(role + " was reshaped to " + output.numRows + "x" + output.numCols
                    + (output.data == array ? "" : " with a new array")
                    + " instead of being written as the " + this + " matrix it was given;"
                    + " check the shapes of the function's arguments");
        }
    }

    @Override
    public String toString() {
        return rows + "x" + cols;
    }
}
