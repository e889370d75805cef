package io.matgrad.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/** The column-major vec and the commutation matrix, against their definitions entry by entry. */
class VecTest {

    private final Random random = new Random(8128);

    @Test
    void vecStacksTheColumns() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}});
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        Vec.vec(a, out);
        assertEquals(6, out.numRows);
        assertEquals(1, out.numCols);
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, out.data, 0);
    }

    /** K vec(U) = vec(Uᵀ), for the identity as Jacobian (K itself) and for a wider one (K J, row by row). */
    @Test
    void commuteTurnsTheEntriesOfUIntoThoseOfItsTranspose() {
        for (int[] shape : new int[][] {{2, 3}, {3, 2}, {1, 4}, {4, 4}}) {
            int p = shape[0];
            int q = shape[1];
            DMatrixRMaj u = RandomMatrices_DDRM.rectangle(p, q, -1, 1, random);
            DMatrixRMaj k = Vec.commute(CommonOps_DDRM.identity(p * q), p, q, new DMatrixRMaj(1, 1));
            DMatrixRMaj kVecU = new DMatrixRMaj(p * q, 1);
            CommonOps_DDRM.mult(k, Vec.vec(u, new DMatrixRMaj(1, 1)), kVecU);
            assertArrayEquals(Vec.vec(CommonOps_DDRM.transpose(u, null), new DMatrixRMaj(1, 1)).data, kVecU.data, 0);

            DMatrixRMaj j = RandomMatrices_DDRM.rectangle(p * q, 3, -1, 1, random);
            DMatrixRMaj expected = new DMatrixRMaj(p * q, 3);
            CommonOps_DDRM.mult(k, j, expected);
            assertArrayEquals(expected.data, Vec.commute(j, p, q, new DMatrixRMaj(1, 1)).data, 0);
        }
    }

    @Test
    void commuteRejectsAJacobianOfTheWrongHeight() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vec.commute(new DMatrixRMaj(5, 2), 2, 3, new DMatrixRMaj(1, 1)));
        assertEquals("a Jacobian with 5 rows, not the 6 entries of a 2x3 matrix", e.getMessage());
    }
}
