package io.matgrad.spark.examples;

import java.io.Serializable;
import org.ejml.data.DMatrixRMaj;

/**
 * A block of rows of a dense design matrix and their labels: one element of the example's RDD. A
 * final class rather than a record, so that Kryo, if an application configures it, can rebuild it.
 * Once matgrad differentiates through {@code DMatrixSparseCSC} data, a sparse block is the same class
 * with a {@code DMatrixSparseCSC X}.
 */
public final class DenseBlock implements Serializable {
    private static final long serialVersionUID = 1L;
    private final DMatrixRMaj X;
    private final DMatrixRMaj y;

    public DenseBlock(DMatrixRMaj X, DMatrixRMaj y) {
        if (X.numRows != y.numRows || y.numCols != 1) {
            throw new IllegalArgumentException("a block of " + X.numRows + " rows needs " + X.numRows
                    + "x1 labels, not " + y.numRows + "x" + y.numCols);
        }
        this.X = X;
        this.y = y;
    }

    /** The rows, one example each, with a leading column of ones for the intercept. */
    public DMatrixRMaj X() {
        return X;
    }

    /** The labels, 0 or 1. */
    public DMatrixRMaj y() {
        return y;
    }

    public int rows() {
        return X.numRows;
    }
}
