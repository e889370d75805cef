package io.matgrad.runtime;

import org.ejml.data.DMatrixRMaj;

/**
 * Row-wise kernels with caller-owned outputs, shared by {@link MatrixOps} and generated code:
 * vectors repeated along rows or columns (broadcasting) and the stable log-sum-exp of each row.
 * Each writes into {@code out}, already shaped as the result, and returns it; it allocates nothing.
 */
public final class Rows {
    private Rows() {}

    /**
     * Every row of {@code out} (m x n) set to the row vector {@code r} (1 x n).
     *
     * @throws IllegalArgumentException if {@code r} is not 1 x n
     */
    public static DMatrixRMaj broadcastRows(DMatrixRMaj r, DMatrixRMaj out) {
        if (r.numRows != 1 || r.numCols != out.numCols) {
            throw new IllegalArgumentException("broadcastRows: r is " + Shapes.of(r) + ", not 1x" + out.numCols);
        }
        int n = out.numCols;
        for (int i = 0; i < out.numRows; i++) {
            System.arraycopy(r.data, 0, out.data, i * n, n);
        }
        return out;
    }

    /**
     * Every column of {@code out} (m x n) set to the column vector {@code c} (m x 1).
     *
     * @throws IllegalArgumentException if {@code c} is not m x 1
     */
    public static DMatrixRMaj broadcastColumns(DMatrixRMaj c, DMatrixRMaj out) {
        if (c.numCols != 1 || c.numRows != out.numRows) {
            throw new IllegalArgumentException("broadcastColumns: c is " + Shapes.of(c) + ", not " + out.numRows + "x1");
        }
        int n = out.numCols;
        for (int i = 0; i < out.numRows; i++) {
            java.util.Arrays.fill(out.data, i * n, (i + 1) * n, c.data[i]);
        }
        return out;
    }

    /**
     * {@code out_i = log Σ_j e^(a_ij)} for every row of {@code a} (m x n; {@code out} m x 1), as
     * {@link Elementwise#logSumExp} computes it for each row: shifted by the row's maximum, so that it
     * neither overflows nor underflows to a logarithm of 0.
     */
    public static DMatrixRMaj rowLogSumExp(DMatrixRMaj a, DMatrixRMaj out) {
        out.reshape(a.numRows, 1);
        int n = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            int start = i * n;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = start; j < start + n; j++) {
                max = Math.max(max, a.data[j]);
            }
            if (Double.isInfinite(max) || Double.isNaN(max)) {
                out.data[i] = max;
                continue;
            }
            double sum = 0;
            for (int j = start; j < start + n; j++) {
                sum += Math.exp(a.data[j] - max);
            }
            out.data[i] = max + Math.log(sum);
        }
        return out;
    }
}
