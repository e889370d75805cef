package io.matgrad.runtime;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Kernels that take matrices apart and put them together, with caller-owned outputs, shared by
 * {@link MatrixOps} and generated code: blocks, single entries, and the contractions that are the
 * adjoints of a Kronecker product. Each output is already shaped as the result; nothing is
 * allocated. Bounds are checked, with messages that name them.
 */
public final class Blocks {
    private Blocks() {}

    /**
     * The block of {@code a} whose first entry is ({@code row}, {@code col}), shaped like
     * {@code out}: {@code extract(a, row, row + out.numRows, col, col + out.numCols)}.
     *
     * @throws IllegalArgumentException if the block does not lie inside {@code a}
     */
    public static DMatrixRMaj block(DMatrixRMaj a, int row, int col, DMatrixRMaj out) {
        int rows = out.numRows;
        int cols = out.numCols;
        if (row < 0 || col < 0 || row + rows > a.numRows || col + cols > a.numCols) {
            throw new IllegalArgumentException("extract(A, " + row + ", " + (row + rows) + ", " + col + ", " + (col + cols)
                    + "): A is " + Shapes.of(a) + ", which has no such block");
        }
        CommonOps_DDRM.extract(a, row, row + rows, col, col + cols, out);
        return out;
    }

    /** {@code out} all zeros but for {@code b} at ({@code row}, {@code col}). */
    public static DMatrixRMaj embed(DMatrixRMaj b, int row, int col, DMatrixRMaj out) {
        out.zero();
        CommonOps_DDRM.insert(b, out, row, col);
        return out;
    }

    /** {@code out} all zeros but for a 1 at ({@code row}, {@code col}). */
    public static DMatrixRMaj unit(int row, int col, DMatrixRMaj out) {
        out.zero();
        out.set(row, col, 1.0);
        return out;
    }

    /**
     * Entry ({@code row}, {@code col}) of {@code a}.
     *
     * @throws IllegalArgumentException if it is outside {@code a}
     */
    public static double entry(DMatrixRMaj a, int row, int col) {
        if (row < 0 || col < 0 || row >= a.numRows || col >= a.numCols) {
            throw new IllegalArgumentException("get(" + row + ", " + col + "): the matrix is " + Shapes.of(a));
        }
        return a.unsafe_get(row, col);
    }

    /**
     * The left factor's cotangent of a Kronecker product {@code A ⊗ B} with cotangent {@code c}:
     * {@code out_ij = Σ_kl c[i p + k, j q + l] b_kl} for {@code b} p x q, {@code out} shaped like A.
     */
    public static DMatrixRMaj kronLeft(DMatrixRMaj c, DMatrixRMaj b, DMatrixRMaj out) {
        int p = b.numRows;
        int q = b.numCols;
        for (int i = 0; i < out.numRows; i++) {
            for (int j = 0; j < out.numCols; j++) {
                double sum = 0;
                for (int k = 0; k < p; k++) {
                    int rowStart = (i * p + k) * c.numCols + j * q;
                    for (int l = 0; l < q; l++) {
                        sum += c.data[rowStart + l] * b.data[k * q + l];
                    }
                }
                out.unsafe_set(i, j, sum);
            }
        }
        return out;
    }

    /**
     * The right factor's cotangent of a Kronecker product {@code A ⊗ B} with cotangent {@code c}:
     * {@code out_kl = Σ_ij a_ij c[i p + k, j q + l]} for {@code out} p x q shaped like B.
     */
    public static DMatrixRMaj kronRight(DMatrixRMaj c, DMatrixRMaj a, DMatrixRMaj out) {
        int p = out.numRows;
        int q = out.numCols;
        out.zero();
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                double aij = a.unsafe_get(i, j);
                for (int k = 0; k < p; k++) {
                    int rowStart = (i * p + k) * c.numCols + j * q;
                    for (int l = 0; l < q; l++) {
                        out.data[k * q + l] += aij * c.data[rowStart + l];
                    }
                }
            }
        }
        return out;
    }
}
