package io.matgrad.runtime;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The column-major vectorization {@code vec(X)}, which stacks the columns of X: the order in which
 * matgrad numbers the entries of a matrix for Jacobians and Hessians (the seeds' {@code D_vec X},
 * and the Matrix Cookbook's convention). Entry {@code (i, j)} of a {@code p x q} matrix is entry
 * {@code i + j p} of its vec. Generated code uses these to assemble derivatives column by column.
 */
public final class Vec {
    private Vec() {}

    /** Sets entry {@code index} of {@code vec(m)} to {@code value}. */
    public static void set(DMatrixRMaj m, int index, double value) {
        m.data[rowMajorIndex(m, index)] = value;
    }

    /** The index in {@code m.data} (EJML's row-major storage) of entry {@code vecIndex} of {@code vec(m)}. */
    static int rowMajorIndex(DMatrixRMaj m, int vecIndex) {
        return (vecIndex % m.numRows) * m.numCols + vecIndex / m.numRows;
    }

    /** Writes {@code vec(value)} into column {@code column} of {@code out}, whose rows must be the entries of {@code value}. */
    public static void setColumn(DMatrixRMaj out, int column, DMatrixRMaj value) {
        requireEntries(out.numRows, value);
        int k = 0;
        for (int j = 0; j < value.numCols; j++) {
            for (int i = 0; i < value.numRows; i++) {
                out.unsafe_set(k++, column, value.unsafe_get(i, j));
            }
        }
    }

    /** Writes {@code vec(value)ᵀ} into row {@code row} of {@code out}, whose columns must be the entries of {@code value}. */
    public static void setRow(DMatrixRMaj out, int row, DMatrixRMaj value) {
        requireEntries(out.numCols, value);
        int k = 0;
        for (int j = 0; j < value.numCols; j++) {
            for (int i = 0; i < value.numRows; i++) {
                out.unsafe_set(row, k++, value.unsafe_get(i, j));
            }
        }
    }

    /** {@code vec(a)}, the columns of {@code a} stacked, into {@code out} (reshaped to a column). */
    public static DMatrixRMaj vec(DMatrixRMaj a, DMatrixRMaj out) {
        out.reshape(a.getNumElements(), 1);
        int k = 0;
        for (int j = 0; j < a.numCols; j++) {
            for (int i = 0; i < a.numRows; i++) {
                out.data[k++] = a.data[i * a.numCols + j];
            }
        }
        return out;
    }

    /**
     * {@code K j}, with K the commutation matrix of a {@code rows x cols} matrix U
     * ({@code vec(Uᵀ) = K vec(U)}): row {@code i + j·rows} of {@code jacobian}, which belongs to
     * entry (i, j) of U, becomes row {@code j + i·cols} of {@code out}, which belongs to entry (j, i)
     * of Uᵀ. {@code out} is reshaped like {@code jacobian}.
     */
    public static DMatrixRMaj commute(DMatrixRMaj jacobian, int rows, int cols, DMatrixRMaj out) {
        if (jacobian.numRows != rows * cols) {
            throw new IllegalArgumentException("a Jacobian with " + jacobian.numRows + " rows, not the " + rows * cols
                    + " entries of a " + rows + "x" + cols + " matrix");
        }
        out.reshape(jacobian.numRows, jacobian.numCols);
        int width = jacobian.numCols;
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(jacobian.data, (i + j * rows) * width, out.data, (j + i * cols) * width, width);
            }
        }
        return out;
    }

    /**
     * {@code diag(vec c) m}, in place: row {@code i + j p} of {@code m} scaled by {@code c_ij}, for
     * {@code c} p x q. Of a column, EJML's {@code multRows}.
     */
    public static DMatrixRMaj multRows(DMatrixRMaj c, DMatrixRMaj m) {
        if (c.numCols == 1) {
            CommonOps_DDRM.multRows(c.data, m);
            return m;
        }
        requireEntries(m.numRows, c);
        int k = 0;
        for (int j = 0; j < c.numCols; j++) {
            for (int i = 0; i < c.numRows; i++) {
                double scale = c.data[i * c.numCols + j];
                int row = k++ * m.numCols;
                for (int l = 0; l < m.numCols; l++) {
                    m.data[row + l] *= scale;
                }
            }
        }
        return m;
    }

    private static void requireEntries(int length, DMatrixRMaj value) {
        if (length != value.getNumElements()) {
            throw new IllegalArgumentException("vec of a " + Shapes.of(value) + " matrix has " + value.getNumElements()
                    + " entries, not " + length);
        }
    }
}
