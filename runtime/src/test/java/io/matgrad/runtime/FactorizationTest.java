package io.matgrad.runtime;

import static io.matgrad.runtime.TestMatrices.assertClose;
import static io.matgrad.runtime.TestMatrices.assertSingular;
import static io.matgrad.runtime.TestMatrices.assertIdentical;
import static io.matgrad.runtime.TestMatrices.matrix;
import static io.matgrad.runtime.TestMatrices.random;
import static io.matgrad.runtime.TestMatrices.symmetricWithEigenvalues;
import static io.matgrad.runtime.TestMatrices.wellConditioned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;

/**
 * {@link Factorization}: every method against EJML's own LU (and {@link MatrixOps}) on symmetric
 * positive definite, symmetric indefinite, non-symmetric and singular matrices of sizes 1 to 200;
 * the transposed solve against a solve with the transpose; reuse across sizes and kinds; and no
 * allocation once warmed up.
 */
class FactorizationTest {

    private static final int[] SIZES = {1, 2, 3, 7, 30, 200};

    private final Random random = new Random(2718);

    /** A named test matrix and the factorization {@code decompose} should pick for it. */
    private record Case(String kind, DMatrixRMaj a, String expected) {}

    private List<Case> cases(int n) {
        List<Case> cases = new ArrayList<>();
        DMatrixRMaj b = random(n, n, random);
        DMatrixRMaj spd = MatrixOps.add(MatrixOps.mult(b, MatrixOps.transpose(b)), CommonOps_DDRM.identity(n));
        cases.add(new Case("SPD", spd, "Cholesky"));
        double[] eigenvalues = new double[n];
        for (int i = 0; i < n; i++) {
            eigenvalues[i] = (i % 2 == 0 ? -1 : 1) * (1 + random.nextDouble());
        }
        cases.add(new Case("symmetric indefinite", symmetricWithEigenvalues(eigenvalues, random),
                n == 1 && eigenvalues[0] > 0 ? "Cholesky" : "LU"));
        DMatrixRMaj general = wellConditioned(n, random);
        if (n > 1) {
            // a row swap: a negative determinant, and LU has to pivot
            for (int j = 0; j < n; j++) {
                double t = general.get(0, j);
                general.set(0, j, general.get(n - 1, j));
                general.set(n - 1, j, t);
            }
        }
        cases.add(new Case("non-symmetric", general, n == 1 ? "Cholesky" : "LU"));
        return cases;
    }

    @Test
    void picksCholeskyForSymmetricPositiveDefiniteAndLuOtherwise() {
        for (int n : SIZES) {
            for (Case c : cases(n)) {
                String description = new Factorization().decompose(c.a, "f", "A").toString();
                assertTrue(description.contains(c.expected), c.kind + " " + n + "x" + n + ": " + description);
            }
        }
        DMatrixRMaj nearlySymmetric = symmetricWithEigenvalues(new double[] {1, 2, 3}, random);
        nearlySymmetric.add(0, 1, 1e-14);
        assertTrue(new Factorization().decompose(nearlySymmetric, "f", "A").toString().contains("Cholesky"));
        nearlySymmetric.add(0, 1, 1e-9);
        assertTrue(new Factorization().decompose(nearlySymmetric, "f", "A").toString().contains("LU"));
    }

    @Test
    void solveMatchesEjmlsLu() {
        for (int n : SIZES) {
            for (Case c : cases(n)) {
                for (int k : new int[] {1, 3}) {
                    DMatrixRMaj rhs = random(n, k, random);
                    DMatrixRMaj x = new DMatrixRMaj(1, 1);
                    new Factorization().decompose(c.a, "f", "A").solve(rhs, x);
                    String what = c.kind + " " + n + "x" + n + ", " + k + " columns";
                    assertClose(ejmlSolve(c.a, rhs), x, 1e-10);
                    assertClose(rhs, MatrixOps.mult(c.a, x), 1e-10);
                    assertEquals(n + "x" + k, Shapes.of(x), what);
                }
            }
        }
    }

    @Test
    void solveTransposedIsSolveWithTheTranspose() {
        for (int n : SIZES) {
            for (Case c : cases(n)) {
                for (int k : new int[] {1, 4}) {
                    DMatrixRMaj rhs = random(n, k, random);
                    DMatrixRMaj x = new DMatrixRMaj(1, 1);
                    new Factorization().decompose(c.a, "f", "A").solveTransposed(rhs, x);
                    DMatrixRMaj viaTranspose = new DMatrixRMaj(1, 1);
                    new Factorization().decompose(MatrixOps.transpose(c.a), "f", "At").solve(rhs, viaTranspose);
                    assertClose(viaTranspose, x, 1e-10);
                    assertClose(ejmlSolve(MatrixOps.transpose(c.a), rhs), x, 1e-10);
                    assertClose(rhs, MatrixOps.mult(MatrixOps.transpose(c.a), x), 1e-10);
                }
            }
        }
    }

    @Test
    void solveTransposedOfAStronglyPivotedMatrix() {
        // a permutation matrix times a triangular one: LU must pivot on every column
        int n = 6;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a.set((i + 2) % n, j, 1 + i + 0.5 * j);
            }
        }
        DMatrixRMaj rhs = random(n, 2, random);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        new Factorization().decompose(a, "f", "A").solveTransposed(rhs, x);
        assertClose(rhs, MatrixOps.mult(MatrixOps.transpose(a), x), 1e-12);
    }

    @Test
    void invertMatchesEjml() {
        for (int n : SIZES) {
            for (Case c : cases(n)) {
                DMatrixRMaj out = new DMatrixRMaj(2, 5);
                new Factorization().decompose(c.a, "f", "A").invert(out);
                DMatrixRMaj expected = c.a.copy();
                assertTrue(CommonOps_DDRM.invert(expected));
                assertClose(expected, out, 1e-10);
                assertClose(CommonOps_DDRM.identity(n), MatrixOps.mult(c.a, out), 1e-10);
            }
        }
    }

    @Test
    void invertAfterCholeskyIsExactlySymmetric() {
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        new Factorization().decompose(cases(30).get(0).a, "f", "A").invert(out);
        assertIdentical(MatrixOps.transpose(out), out);
    }

    @Test
    void detAndLogAbsDetMatchEjmlsDeterminant() {
        for (int n : SIZES) {
            if (n > 30) {
                continue; // det overflows; logAbsDet is checked against eigenvalues below
            }
            for (Case c : cases(n)) {
                Factorization f = new Factorization().decompose(c.a, "f", "A");
                double det = CommonOps_DDRM.det(c.a);
                String what = c.kind + " " + n + "x" + n;
                assertEquals(det, f.det(), 1e-11 * Math.abs(det), what);
                assertEquals(Math.log(Math.abs(det)), f.logAbsDet(), 1e-11 * Math.max(1, Math.abs(Math.log(Math.abs(det)))), what);
            }
        }
        assertEquals(-5, new Factorization().decompose(matrix(1, 1, -5), "f", "A").det(), 0);
        assertEquals(Math.log(5), new Factorization().decompose(matrix(1, 1, -5), "f", "A").logAbsDet(), 1e-15);
    }

    @Test
    void logAbsDetOf200x200MatricesBeyondTheRangeOfDet() {
        for (double sign : new double[] {1, -1}) {
            double[] eigenvalues = new double[200];
            double expected = 0;
            for (int i = 0; i < eigenvalues.length; i++) {
                eigenvalues[i] = (i % 3 == 0 ? sign : 1) * Math.pow(10, 1 + 2.0 * i / (eigenvalues.length - 1));
                expected += Math.log(Math.abs(eigenvalues[i]));
            }
            Factorization f = new Factorization().decompose(symmetricWithEigenvalues(eigenvalues, random), "f", "A");
            assertEquals(expected, f.logAbsDet(), 1e-10 * Math.abs(expected));
            assertTrue(Double.isInfinite(f.det()), "det ~ ±1e400 overflows, as EJML's does");
            assertTrue(f.toString().contains(sign > 0 ? "Cholesky" : "LU"), f.toString());
        }
    }

    @Test
    void singularMatricesAreRecordedThenRejectedWithTheFunctionAndName() {
        List<DMatrixRMaj> singular = List.of(
                matrix(2, 2, 1, 2, 2, 4),
                new DMatrixRMaj(3, 3),
                matrix(1, 1, 0),
                MatrixOps.mult(random(7, 3, random), random(3, 7, random)),
                symmetricWithEigenvalues(new double[] {1, 2, 0, 3}, random),
                MatrixOps.scale(1e10, MatrixOps.mult(random(30, 29, random), random(29, 30, random))),
                MatrixOps.scale(1e-10, MatrixOps.mult(random(200, 150, random), random(150, 200, random))));
        for (DMatrixRMaj a : singular) {
            int n = a.numRows;
            Factorization f = new Factorization().decompose(a, "gaussianNll", "S");
            String message = "gaussianNll: S is " + n + "x" + n + " and singular to working precision";
            assertEquals(0, f.det(), 0, "det of a singular matrix is 0, with no exception");
            assertSingular(message, () -> f.solve(random(n, 1, random), new DMatrixRMaj(1, 1)));
            assertSingular(message, () -> f.solveTransposed(random(n, 2, random), new DMatrixRMaj(1, 1)));
            assertSingular(message, () -> f.invert(new DMatrixRMaj(1, 1)));
            assertSingular(message, f::logAbsDet);
            assertTrue(f.toString().contains("singular"), f.toString());
        }
    }

    /**
     * Rank n − 1 matrices formed in floating point ({@code B B^T}, {@code B C} for n x (n − 1)
     * factors): rounding makes their last pivot small but often not {@code n eps} small (with
     * pivots alone, about 1 in 5 of the symmetric ones passed as invertible through Cholesky, and 1
     * in 14 of the others through LU); with the condition estimate, every one of them is caught.
     */
    @Test
    void roundedRankDeficientMatricesAreSingular() {
        for (int n : new int[] {2, 3, 4, 6, 10, 30}) {
            for (int trial = 0; trial < 200; trial++) {
                DMatrixRMaj b = random(n, n - 1, random);
                DMatrixRMaj gram = CommonOps_DDRM.multTransB(b, b, null);
                DMatrixRMaj product = MatrixOps.mult(b, random(n - 1, n, random));
                for (DMatrixRMaj a : new DMatrixRMaj[] {gram, product, MatrixOps.scale(1e-150, gram), MatrixOps.scale(1e150, product)}) {
                    Factorization f = new Factorization().decompose(a, "f", "A");
                    assertEquals(0, f.det(), 0, () -> "rank " + (n - 1) + ", " + f + ":\n" + a);
                    // inverting first decides by the inverse's exact norm, with the same verdict
                    Factorization g = new Factorization().decompose(a, "f", "A");
                    assertThrows(SingularMatrixException.class, () -> g.invert(new DMatrixRMaj(1, 1)),
                            () -> "rank " + (n - 1) + ":\n" + a);
                    assertThrows(SingularMatrixException.class, g::logAbsDet);
                }
            }
        }
    }

    @Test
    void illConditionedButInvertibleMatricesAreNotSingular() {
        // condition numbers up to 1e13, well above the pivots' noise and below 1 / (n eps)
        for (double condition : new double[] {1e3, 1e8, 1e13}) {
            for (int n : new int[] {3, 10, 30}) {
                double[] eigenvalues = new double[n];
                for (int i = 0; i < n; i++) {
                    eigenvalues[i] = Math.pow(condition, -(double) i / (n - 1));
                }
                DMatrixRMaj spd = symmetricWithEigenvalues(eigenvalues, random);
                Factorization f = new Factorization().decompose(spd, "f", "A");
                DMatrixRMaj inverse = new DMatrixRMaj(1, 1);
                f.invert(inverse);
                assertTrue(f.toString().contains("Cholesky"), f.toString());
                DMatrixRMaj nonSymmetric = MatrixOps.mult(spd, RandomMatrices_DDRM.orthogonal(n, n, random));
                new Factorization().decompose(nonSymmetric, "f", "A").invert(inverse);
            }
        }
    }

    @Test
    void singularityIsIndependentOfScale() {
        for (double scale : new double[] {1e-200, 1e-20, 1, 1e20, 1e200}) {
            Factorization f = new Factorization().decompose(MatrixOps.scale(scale, CommonOps_DDRM.identity(4)), "f", "A");
            assertEquals(4 * Math.log(scale), f.logAbsDet(), 1e-12 * Math.abs(4 * Math.log(scale)) + 1e-15);
            DMatrixRMaj inverse = new DMatrixRMaj(1, 1);
            f.invert(inverse);
            assertClose(MatrixOps.scale(1 / scale, CommonOps_DDRM.identity(4)), inverse, 1e-15 / Math.min(1, scale));
        }
    }

    @Test
    void reuseAcrossSizesAndKindsGivesFreshResults() {
        Factorization f = new Factorization();
        // grow, shrink, switch between Cholesky and LU, grow again: no state of one matrix may leak into the next
        for (int n : new int[] {30, 3, 200, 1, 7, 7, 30}) {
            for (Case c : cases(n)) {
                DMatrixRMaj rhs = random(n, 2, random);
                DMatrixRMaj x = new DMatrixRMaj(1, 1);
                DMatrixRMaj y = new DMatrixRMaj(1, 1);
                DMatrixRMaj inverse = new DMatrixRMaj(1, 1);
                assertSame(f, f.decompose(c.a, "f", "A"));
                f.solve(rhs, x);
                f.solveTransposed(rhs, y);
                f.invert(inverse);
                assertClose(ejmlSolve(c.a, rhs), x, 1e-10);
                assertClose(ejmlSolve(MatrixOps.transpose(c.a), rhs), y, 1e-10);
                assertClose(MatrixOps.inv(c.a), inverse, 1e-10);
                assertEquals(MatrixOps.logDet(c.a), f.logAbsDet(), 1e-10 * Math.max(1, Math.abs(f.logAbsDet())));
            }
            DMatrixRMaj singular = new DMatrixRMaj(n, n);
            f.decompose(singular, "f", "A");
            assertEquals(0, f.det(), 0);
            assertThrows(SingularMatrixException.class, f::logAbsDet);
        }
    }

    @Test
    void theInputIsNeitherModifiedNorRetained() {
        for (Case c : cases(5)) {
            DMatrixRMaj a = c.a.copy();
            Factorization f = new Factorization().decompose(a, "f", "A");
            assertIdentical(c.a, a);
            double logDet = f.logAbsDet();
            a.zero();
            assertEquals(logDet, f.logAbsDet(), 0);
            DMatrixRMaj x = new DMatrixRMaj(1, 1);
            f.solve(CommonOps_DDRM.identity(5), x);
            assertClose(MatrixOps.inv(c.a), x, 1e-12);
        }
    }

    @Test
    void misuseIsAClearError() {
        Factorization f = new Factorization();
        assertEquals("Factorization: call decompose(a, function, name) first",
                assertThrows(IllegalStateException.class, f::det).getMessage());
        assertEquals("gaussianNll: S is 2x3 but must be square",
                assertThrows(IllegalArgumentException.class, () -> f.decompose(new DMatrixRMaj(2, 3), "gaussianNll", "S")).getMessage());
        f.decompose(CommonOps_DDRM.identity(3), "gaussianNll", "S");
        DMatrixRMaj b = random(3, 1, random);
        assertEquals("gaussianNll: solve(b, x) needs b with 3 rows, the size of S, but b is 4x1",
                assertThrows(IllegalArgumentException.class, () -> f.solve(random(4, 1, random), new DMatrixRMaj(1, 1))).getMessage());
        assertEquals("gaussianNll: solveTransposed(b, x) cannot write x over b; pass a separate matrix to receive x",
                assertThrows(IllegalArgumentException.class, () -> f.solveTransposed(b, b)).getMessage());
    }

    @Test
    void aNanMatrixIsNotCalledSingularItsResultsAreNan() {
        DMatrixRMaj a = wellConditioned(4, random);
        a.set(2, 1, Double.NaN);
        Factorization f = new Factorization().decompose(a, "f", "A");
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        f.solve(random(4, 1, random), x);
        assertTrue(Double.isNaN(x.get(3, 0)) || Double.isNaN(x.get(2, 0)), x.toString());
        assertTrue(Double.isNaN(f.logAbsDet()));
    }

    @Test
    void anEmptyMatrixIsNotSingular() {
        Factorization f = new Factorization().decompose(new DMatrixRMaj(0, 0), "f", "A");
        assertEquals(1, f.det(), 0);
        assertEquals(0, f.logAbsDet(), 0);
    }

    @Test
    void repeatedCallsAllocateNothingOnceWarmedUp() {
        Factorization f = new Factorization();
        DMatrixRMaj[] matrices = {
            cases(200).get(0).a, cases(200).get(2).a, cases(50).get(1).a, cases(1).get(0).a,
            MatrixOps.mult(random(50, 20, random), random(20, 50, random))};
        DMatrixRMaj rhs200 = random(200, 3, random);
        DMatrixRMaj rhs50 = random(50, 3, random);
        DMatrixRMaj rhs1 = random(1, 3, random);
        DMatrixRMaj x = new DMatrixRMaj(200, 3);
        DMatrixRMaj inverse = new DMatrixRMaj(200, 200);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        double sink = 0;
        long least = Long.MAX_VALUE;
        // the first round grows the storage to 200 x 200 and loads classes; the least of the
        // rounds is what the calls themselves allocate (one 200 x 200 copy alone is 320 kB)
        for (int round = 0; round < 5; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int repeat = 0; repeat < 3; repeat++) {
                for (DMatrixRMaj a : matrices) {
                    DMatrixRMaj rhs = a.numRows == 200 ? rhs200 : a.numRows == 50 ? rhs50 : rhs1;
                    f.decompose(a, "f", "A");
                    sink += f.det();
                    if (a != matrices[4]) {
                        f.solve(rhs, x);
                        f.solveTransposed(rhs, x);
                        f.invert(inverse);
                        sink += f.logAbsDet();
                    }
                }
            }
            least = Math.min(least, threads.getThreadAllocatedBytes(thread) - before);
        }
        assertTrue(least < 256, "15 factorizations with solves and inverses allocated " + least + " bytes"
                + " (checksum " + sink + ")");
    }

    private static DMatrixRMaj ejmlSolve(DMatrixRMaj a, DMatrixRMaj b) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(a.numRows);
        assertTrue(solver.setA(a.copy()));
        DMatrixRMaj x = new DMatrixRMaj(a.numCols, b.numCols);
        solver.solve(b, x);
        return x;
    }
}
