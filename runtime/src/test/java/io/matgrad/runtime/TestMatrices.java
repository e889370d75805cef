package io.matgrad.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.function.Executable;

/** Random test matrices and comparisons shared by the runtime tests. */
final class TestMatrices {

    /** Shapes {rows, cols} every shape-generic function is tested on: 1x1, vectors, non-square, square. */
    static final int[][] SHAPES = {{1, 1}, {4, 1}, {1, 4}, {3, 5}, {5, 3}, {6, 6}};

    private TestMatrices() {}

    /** Entries uniform in [-1, 1]. */
    static DMatrixRMaj random(int rows, int cols, Random random) {
        return RandomMatrices_DDRM.rectangle(rows, cols, -1, 1, random);
    }

    /** Entries uniform in [0.1, 2], inside the domain of log, sqrt and non-integer powers. */
    static DMatrixRMaj positive(int rows, int cols, Random random) {
        return RandomMatrices_DDRM.rectangle(rows, cols, 0.1, 2, random);
    }

    /** A random n x n matrix with its diagonal shifted by n, so well-conditioned. */
    static DMatrixRMaj wellConditioned(int n, Random random) {
        DMatrixRMaj a = random(n, n, random);
        for (int i = 0; i < n; i++) {
            a.add(i, i, n);
        }
        return a;
    }

    /** {@code Q diag(d) Q^T} for a random orthogonal Q, made exactly symmetric: eigenvalues d. */
    static DMatrixRMaj symmetricWithEigenvalues(double[] d, Random random) {
        int n = d.length;
        DMatrixRMaj q = RandomMatrices_DDRM.orthogonal(n, n, random);
        DMatrixRMaj qd = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(q, CommonOps_DDRM.diag(d), qd);
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qd, q, s);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = (s.get(i, j) + s.get(j, i)) / 2;
                s.set(i, j, mean);
                s.set(j, i, mean);
            }
        }
        return s;
    }

    static DMatrixRMaj matrix(int rows, int cols, double... rowMajor) {
        return new DMatrixRMaj(rows, cols, true, rowMajor);
    }

    /** Same shape, and every entry within {@code tolerance * max(1, |expected_ij|)}. */
    static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, double tolerance) {
        assertEquals(Shapes.of(expected), Shapes.of(actual), "shape");
        for (int i = 0; i < expected.numRows; i++) {
            for (int j = 0; j < expected.numCols; j++) {
                double e = expected.get(i, j);
                double a = actual.get(i, j);
                if (!(Math.abs(e - a) <= tolerance * Math.max(1, Math.abs(e)))) {
                    fail("entry (" + i + ", " + j + "): expected " + e + " but was " + a
                            + "\nexpected:\n" + expected + "actual:\n" + actual);
                }
            }
        }
    }

    /** Same shape and bit-identical entries. */
    static void assertIdentical(DMatrixRMaj expected, DMatrixRMaj actual) {
        assertClose(expected, actual, 0);
    }

    /** {@code call} throws a {@link SingularMatrixException}, an {@link ArithmeticException}, with {@code message}. */
    static void assertSingular(String message, Executable call) {
        SingularMatrixException e = assertThrows(SingularMatrixException.class, call);
        assertEquals(message, e.getMessage());
        assertInstanceOf(ArithmeticException.class, e);
    }
}
