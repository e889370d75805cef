package io.matgrad.runtime;

import org.ejml.data.DMatrixRMaj;

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

    private static void requireEntries(int length, DMatrixRMaj value) {
        if (length != value.getNumElements()) {
            throw new IllegalArgumentException("vec of a " + Shapes.of(value) + " matrix has " + value.getNumElements()
                    + " entries, not " + length);
        }
    }
}
