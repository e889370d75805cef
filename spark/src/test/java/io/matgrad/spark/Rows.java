package io.matgrad.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A block of rows: rows of A and the matching rows of b, as a user's RDD holds them. A final class
 * rather than a record, so that Kryo, if an application configures it, can rebuild it.
 */
public final class Rows implements Serializable {
    private static final long serialVersionUID = 1L;
    private final DMatrixRMaj A;
    private final DMatrixRMaj b;

    public Rows(DMatrixRMaj A, DMatrixRMaj b) {
        this.A = A;
        this.b = b;
    }

    public DMatrixRMaj A() {
        return A;
    }

    public DMatrixRMaj b() {
        return b;
    }

    /** A and b cut into blocks of the given numbers of rows, in order (the sizes add up to A's rows). */
    public static List<Rows> split(DMatrixRMaj A, DMatrixRMaj b, int... sizes) {
        List<Rows> blocks = new ArrayList<>();
        int row = 0;
        for (int size : sizes) {
            blocks.add(new Rows(CommonOps_DDRM.extract(A, row, row + size, 0, A.numCols),
                    CommonOps_DDRM.extract(b, row, row + size, 0, b.numCols)));
            row += size;
        }
        if (row != A.numRows) {
            throw new IllegalArgumentException("the block sizes add up to " + row + ", not " + A.numRows);
        }
        return blocks;
    }
}
