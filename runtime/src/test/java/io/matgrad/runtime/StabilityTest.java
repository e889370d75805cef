package io.matgrad.runtime;

import static io.matgrad.runtime.TestMatrices.matrix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** sigmoid, softplus and logSumExp stay finite and correct far beyond where naive formulas overflow. */
class StabilityTest {

    private static final double[] LARGE = {1e3, -1e3, 1e5, -1e5, 710, -710, Double.MAX_VALUE, -Double.MAX_VALUE};

    @Test
    void sigmoidSaturatesWithoutOverflow() {
        assertEquals(1, Elementwise.sigmoid(1e3));
        assertEquals(1, Elementwise.sigmoid(1e5));
        assertEquals(0, Elementwise.sigmoid(-1e3));
        assertEquals(0, Elementwise.sigmoid(-1e5));
        assertEquals(0.5, Elementwise.sigmoid(0));
    }

    @Test
    void sigmoidMatchesTheDefinitionFarLeft() {
        for (double z : new double[] {-30, -300, -700}) {
            double expected = 1 / (1 + Math.exp(-z));
            assertEquals(expected, Elementwise.sigmoid(z), 1e-14 * expected, "z = " + z);
        }
    }

    @Test
    void sigmoidIsPositiveWhereTheDefinitionOverflows() {
        // e^710 overflows, so 1 / (1 + e^710) would be 0; the true value e^-710 is subnormal but not 0
        double expected = Math.exp(-710);
        assertTrue(expected > 0);
        assertEquals(expected, Elementwise.sigmoid(-710), 1e-12 * expected);
    }

    @Test
    void sigmoidIsSymmetric() {
        for (double z : new double[] {0.1, 1, 5, 20}) {
            assertEquals(1, Elementwise.sigmoid(z) + Elementwise.sigmoid(-z), 1e-15);
        }
    }

    @Test
    void softplusIsTheIdentityFarRightAndZeroFarLeft() {
        assertEquals(1e3, Elementwise.softplus(1e3));
        assertEquals(1e5, Elementwise.softplus(1e5));
        assertEquals(0, Elementwise.softplus(-1e3));
        assertEquals(0, Elementwise.softplus(-1e5));
        assertEquals(Math.log(2), Elementwise.softplus(0), 1e-16);
    }

    @Test
    void softplusKeepsRelativePrecisionFarLeft() {
        for (double z : new double[] {-30, -300, -700}) {
            // softplus(z) = e^z (1 - e^z / 2 + ...); the correction is below double precision here
            assertEquals(Math.exp(z), Elementwise.softplus(z), 1e-13 * Math.exp(z), "z = " + z);
        }
    }

    @Test
    void softplusSatisfiesSoftplusOfZMinusSoftplusOfMinusZEqualsZ() {
        for (double z : new double[] {0.25, 3, 30, 700, 1e3}) {
            assertEquals(z, Elementwise.softplus(z) - Elementwise.softplus(-z), 1e-15 * Math.max(1, z), "z = " + z);
        }
    }

    @Test
    void matrixVersionsAreFiniteForLargeEntries() {
        DMatrixRMaj a = new DMatrixRMaj(LARGE.length, 1, true, LARGE);
        for (DMatrixRMaj result : new DMatrixRMaj[] {MatrixOps.sigmoid(a), MatrixOps.softplus(a)}) {
            for (int i = 0; i < result.getNumElements(); i++) {
                assertTrue(Double.isFinite(result.get(i)), "entry " + i + " of " + result);
            }
        }
    }

    @Test
    void logSumExpOfLargeEqualEntriesIsTheEntryPlusTheLogOfTheirCount() {
        assertEquals(1000 + Math.log(2), MatrixOps.logSumExp(matrix(2, 1, 1000, 1000)), 1e-12);
        assertEquals(-1000 + Math.log(2), MatrixOps.logSumExp(matrix(1, 2, -1000, -1000)), 1e-12);
        assertEquals(1e5 + Math.log(3), MatrixOps.logSumExp(matrix(3, 1, 1e5, 1e5, 1e5)), 1e-10);
        assertEquals(-1e5 + Math.log(4), MatrixOps.logSumExp(matrix(2, 2, -1e5, -1e5, -1e5, -1e5)), 1e-10);
    }

    @Test
    void logSumExpIsDominatedByTheLargestEntry() {
        assertEquals(1e5, MatrixOps.logSumExp(matrix(2, 1, 1e5, 0)));
        assertEquals(1e3, MatrixOps.logSumExp(matrix(2, 1, -1e3, 1e3)));
        assertEquals(7, MatrixOps.logSumExp(matrix(1, 1, 7)));
    }

    @Test
    void logSumExpShiftsWithItsArgument() {
        Random random = new Random(5);
        DMatrixRMaj a = TestMatrices.random(4, 3, random);
        double naive = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            naive += Math.exp(a.get(i));
        }
        for (double shift : new double[] {1e3, -1e3, 1e5}) {
            DMatrixRMaj shifted = a.copy();
            for (int i = 0; i < shifted.getNumElements(); i++) {
                shifted.data[i] += shift;
            }
            assertEquals(shift + Math.log(naive), MatrixOps.logSumExp(shifted), 1e-13 * Math.abs(shift));
        }
    }

    @Test
    void logSumExpHandlesInfinitiesAndNaN() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(-inf, MatrixOps.logSumExp(matrix(2, 1, -inf, -inf)));
        assertEquals(inf, MatrixOps.logSumExp(matrix(3, 1, inf, 1, -inf)));
        assertEquals(0, MatrixOps.logSumExp(matrix(2, 1, -inf, 0)));
        assertEquals(-inf, MatrixOps.logSumExp(new DMatrixRMaj(0, 1)));
        assertEquals(Double.NaN, MatrixOps.logSumExp(matrix(3, 1, 1, Double.NaN, inf)));
    }

    @Test
    void normsOfNanAreNanNeverZero() {
        double nan = Double.NaN;
        // EJML's normF and elementSumSq look for the scale with a comparison that skips NaN: 0 here
        assertEquals(nan, MatrixOps.norm(matrix(2, 1, nan, nan)));
        assertEquals(nan, MatrixOps.normSq(matrix(2, 1, nan, nan)));
        assertEquals(nan, MatrixOps.norm(matrix(3, 1, 1, nan, 2)));
        assertEquals(nan, MatrixOps.normSq(matrix(3, 1, nan, Double.POSITIVE_INFINITY, 2)));
    }

    @Test
    void normsOfInfiniteEntriesAreInfinite() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(inf, MatrixOps.norm(matrix(2, 1, -inf, 1)));
        assertEquals(inf, MatrixOps.normSq(matrix(2, 1, 3, inf)));
    }

    @Test
    void normsAreScaledAgainstOverflowAndUnderflow() {
        assertEquals(5e200, MatrixOps.norm(matrix(2, 1, 3e200, 4e200)), 1e186);
        assertEquals(Double.POSITIVE_INFINITY, MatrixOps.normSq(matrix(2, 1, 3e200, 4e200)));
        assertEquals(5e-200, MatrixOps.norm(matrix(2, 1, 3e-200, 4e-200)), 1e-214);
        assertEquals(25.0, MatrixOps.normSq(matrix(2, 1, 3, -4)), 1e-14);
        assertEquals(0.0, MatrixOps.norm(new DMatrixRMaj(2, 2)));
    }
}
