package io.matgrad.runtime;

import static io.matgrad.runtime.TestMatrices.assertClose;
import static io.matgrad.runtime.TestMatrices.assertSingular;
import static io.matgrad.runtime.TestMatrices.matrix;
import static io.matgrad.runtime.TestMatrices.random;
import static io.matgrad.runtime.TestMatrices.symmetricWithEigenvalues;
import static io.matgrad.runtime.TestMatrices.wellConditioned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** inv, solve, det and logDet, including singular matrices and determinants beyond double range. */
class LinearAlgebraTest {

    private final Random random = new Random(31337);

    @Test
    void invTimesTheMatrixIsTheIdentity() {
        for (int n = 1; n <= 8; n++) {
            DMatrixRMaj a = wellConditioned(n, random);
            DMatrixRMaj identity = CommonOps_DDRM.identity(n);
            assertClose(identity, MatrixOps.mult(a, MatrixOps.inv(a)), 1e-13);
            assertClose(identity, MatrixOps.mult(MatrixOps.inv(a), a), 1e-13);
        }
    }

    @Test
    void invOfA2x2MatchesTheClosedForm() {
        double a = 3, b = -1, c = 2, d = 5;
        double det = a * d - b * c;
        assertClose(matrix(2, 2, d / det, -b / det, -c / det, a / det), MatrixOps.inv(matrix(2, 2, a, b, c, d)), 1e-15);
    }

    @Test
    void invIsIndependentOfScale() {
        DMatrixRMaj tiny = MatrixOps.scale(1e-20, CommonOps_DDRM.identity(3));
        assertClose(MatrixOps.scale(1e20, CommonOps_DDRM.identity(3)), MatrixOps.inv(tiny), 1e-15);
    }

    @Test
    void solveSatisfiesTheSystemForOneAndManyRightHandSides() {
        for (int n = 1; n <= 7; n++) {
            for (int k : new int[] {1, 3}) {
                DMatrixRMaj a = wellConditioned(n, random);
                DMatrixRMaj b = random(n, k, random);
                DMatrixRMaj x = MatrixOps.solve(a, b);
                assertEquals(n + "x" + k, Shapes.of(x));
                assertClose(b, MatrixOps.mult(a, x), 1e-13);
                assertClose(MatrixOps.mult(MatrixOps.inv(a), b), x, 1e-13);
            }
        }
    }

    @Test
    void detMatchesCofactorExpansion() {
        for (int n = 1; n <= 7; n++) {
            DMatrixRMaj a = random(n, n, random);
            assertEquals(laplaceDet(a), MatrixOps.det(a), 1e-13, "n = " + n);
        }
    }

    @Test
    void detOfASingularMatrixIsZero() {
        // exactly ±0, and no exception
        assertEquals(0, MatrixOps.det(matrix(2, 2, 1, 2, 2, 4)), 0);
        assertEquals(0, MatrixOps.det(withDuplicatedRow(random(7, 7, random))), 0);
    }

    @Test
    void logDetOfWellScaledMatricesIsTheLogOfTheAbsoluteDeterminant() {
        for (int n = 1; n <= 8; n++) {
            DMatrixRMaj b = random(n, n, random);
            DMatrixRMaj spd = MatrixOps.add(MatrixOps.mult(b, MatrixOps.transpose(b)), CommonOps_DDRM.identity(n));
            DMatrixRMaj general = wellConditioned(n, random);
            assertEquals(Math.log(laplaceDet(spd)), MatrixOps.logDet(spd), 1e-12, "SPD, n = " + n);
            assertEquals(Math.log(Math.abs(laplaceDet(general))), MatrixOps.logDet(general), 1e-12, "n = " + n);
        }
    }

    @Test
    void logDetOfANonSymmetricMatrixWithNegativeDeterminantIsLnAbsDet() {
        DMatrixRMaj a = wellConditioned(5, random);
        DMatrixRMaj swapped = a.copy();
        for (int j = 0; j < 5; j++) {
            swapped.set(0, j, a.get(1, j));
            swapped.set(1, j, a.get(0, j));
        }
        double det = laplaceDet(swapped);
        assertTrue(det < 0, "a row swap flips the sign of a diagonally dominant matrix's positive det");
        assertEquals(Math.log(-det), MatrixOps.logDet(swapped), 1e-12);
        assertEquals(Math.log(5), MatrixOps.logDet(matrix(1, 1, -5)), 1e-15);
    }

    @Test
    void logDetOfASymmetricIndefiniteMatrixFallsBackToLu() {
        DMatrixRMaj a = symmetricWithEigenvalues(new double[] {2, -3, 5, -7}, random);
        assertEquals(Math.log(2 * 3 * 5 * 7), MatrixOps.logDet(a), 1e-12);
    }

    @Test
    void logDetStaysFiniteWhereTheDeterminantOverflows() {
        double[] eigenvalues = new double[200];
        double expected = 0;
        for (int i = 0; i < eigenvalues.length; i++) {
            eigenvalues[i] = Math.pow(10, 1 + 2.0 * i / (eigenvalues.length - 1));
            expected += Math.log(eigenvalues[i]);
        }
        DMatrixRMaj a = symmetricWithEigenvalues(eigenvalues, random);
        assertTrue(Double.isInfinite(CommonOps_DDRM.det(a)), "det(A) ~ 1e400 overflows");
        assertEquals(expected, MatrixOps.logDet(a), 1e-10 * Math.abs(expected));
    }

    @Test
    void logDetStaysFiniteWhereTheDeterminantUnderflows() {
        double[] eigenvalues = new double[200];
        double expected = 0;
        for (int i = 0; i < eigenvalues.length; i++) {
            eigenvalues[i] = Math.pow(10, -3 + 2.0 * i / (eigenvalues.length - 1));
            expected += Math.log(eigenvalues[i]);
        }
        DMatrixRMaj a = symmetricWithEigenvalues(eigenvalues, random);
        assertEquals(0, CommonOps_DDRM.det(a), "det(A) ~ 1e-400 underflows");
        assertEquals(expected, MatrixOps.logDet(a), 1e-10 * Math.abs(expected));
        DMatrixRMaj nonSymmetric = MatrixOps.scale(1e-3, wellConditioned(200, random));
        assertTrue(Double.isFinite(MatrixOps.logDet(nonSymmetric)));
    }

    @Test
    void logDetIsIndependentOfScale() {
        assertEquals(3 * Math.log(1e-200), MatrixOps.logDet(MatrixOps.scale(1e-200, CommonOps_DDRM.identity(3))), 1e-12);
    }

    @Test
    void singularMatricesAreRejectedWithTheCallAndSize() {
        DMatrixRMaj rankOne = matrix(2, 2, 1, 2, 2, 4);
        assertSingular("inv(A): A is 2x2 and singular to working precision", () -> MatrixOps.inv(rankOne));
        assertSingular("solve(A, B): A is 2x2 and singular to working precision",
                () -> MatrixOps.solve(rankOne, matrix(2, 1, 1, 1)));
        assertSingular("logDet(A): A is 2x2 and singular to working precision", () -> MatrixOps.logDet(rankOne));

        DMatrixRMaj zero = new DMatrixRMaj(3, 3);
        assertSingular("inv(A): A is 3x3 and singular to working precision", () -> MatrixOps.inv(zero));
        assertSingular("logDet(A): A is 3x3 and singular to working precision", () -> MatrixOps.logDet(zero));

        DMatrixRMaj duplicatedRow = withDuplicatedRow(random(6, 6, random));
        assertSingular("solve(A, B): A is 6x6 and singular to working precision",
                () -> MatrixOps.solve(duplicatedRow, random(6, 2, random)));
        assertSingular("logDet(A): A is 6x6 and singular to working precision", () -> MatrixOps.logDet(duplicatedRow));
    }

    @Test
    void numericallySingularMatricesAreRejectedAtAnyScale() {
        // rounding leaves LU pivots near eps times the largest, not 0: above EJML's absolute
        // threshold eps at scale 1e10, below the relative n eps max|pivot| at every scale
        for (double scale : new double[] {1e-10, 1, 1e10}) {
            for (int rank = 3; rank <= 5; rank++) {
                String what = "rank " + rank + ", scale " + scale;
                DMatrixRMaj a = MatrixOps.scale(scale, MatrixOps.mult(random(6, rank, random), random(rank, 6, random)));
                assertThrows(SingularMatrixException.class, () -> MatrixOps.inv(a), what);
                assertThrows(SingularMatrixException.class, () -> MatrixOps.solve(a, random(6, 1, random)), what);
                assertThrows(SingularMatrixException.class, () -> MatrixOps.logDet(a), what);
            }
            DMatrixRMaj v = random(5, 1, random);
            DMatrixRMaj outer = MatrixOps.scale(scale, MatrixOps.mult(v, MatrixOps.transpose(v)));
            assertThrows(SingularMatrixException.class, () -> MatrixOps.logDet(outer), "v v^T, scale " + scale);
            // symmetric positive semidefinite: Cholesky is tried first, and must not pass it
            assertThrows(SingularMatrixException.class, () -> MatrixOps.inv(outer), "v v^T, scale " + scale);
            assertThrows(SingularMatrixException.class, () -> MatrixOps.solve(outer, v), "v v^T, scale " + scale);
        }
    }

    private static DMatrixRMaj withDuplicatedRow(DMatrixRMaj a) {
        for (int j = 0; j < a.numCols; j++) {
            a.set(a.numRows - 1, j, a.get(1, j));
        }
        return a;
    }

    /** The determinant by cofactor expansion along the first row: slow, but shares nothing with LU. */
    private static double laplaceDet(DMatrixRMaj a) {
        int n = a.numRows;
        if (n == 1) {
            return a.get(0, 0);
        }
        double det = 0;
        for (int j = 0; j < n; j++) {
            DMatrixRMaj minor = new DMatrixRMaj(n - 1, n - 1);
            for (int r = 1; r < n; r++) {
                for (int c = 0, mc = 0; c < n; c++) {
                    if (c != j) {
                        minor.set(r - 1, mc++, a.get(r, c));
                    }
                }
            }
            det += (j % 2 == 0 ? 1 : -1) * a.get(0, j) * laplaceDet(minor);
        }
        return det;
    }
}
