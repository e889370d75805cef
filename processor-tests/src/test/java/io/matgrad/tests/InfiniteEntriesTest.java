package io.matgrad.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.SingularMatrixException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What the README's "Run-time faults" says of infinite entries reaching a factorization: an
 * infinite pivot makes the matrix singular to working precision, so {@code inv}, {@code solve},
 * {@code logDet} and the gradient of {@code det} throw {@link SingularMatrixException} and
 * {@code det} is 0, in the annotated method and in the generated code alike; where the elimination
 * meets ∞ − ∞ or 0 · ∞, everything is NaN instead.
 */
class InfiniteEntriesTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static DMatrixRMaj matrix(double a, double b, double c, double d) {
        return new DMatrixRMaj(2, 2, true, a, b, c, d);
    }

    private static void assertSingular(Executable call) {
        SingularMatrixException e = assertThrows(SingularMatrixException.class, call);
        assertTrue(e.getMessage().contains("is 2x2 and singular to working precision"), e.getMessage());
    }

    private static void assertSingularEverywhere(DMatrixRMaj a) {
        DMatrixRMaj b = new DMatrixRMaj(2, 1, true, 1, 2);
        assertSingular(() -> Robustness.logDeterminant(a));
        assertSingular(() -> RobustnessGradients.logDeterminantGradA(a));
        assertSingular(() -> Robustness.inverse(a));
        assertSingular(() -> RobustnessGradients.inverseGradA(a));
        assertSingular(() -> Robustness.solved(a, b));
        assertSingular(() -> RobustnessGradients.solvedGradA(a, b));
        assertSingular(() -> RobustnessGradients.solvedGradB(a, b));
        assertEquals(0.0, Robustness.determinant(a));
        assertSingular(() -> RobustnessGradients.determinantGradA(a));
    }

    /** The README's example: symmetric, so factorized by Cholesky. */
    @Test
    void anInfiniteEntryOfASymmetricMatrixMakesItSingular() {
        assertSingularEverywhere(matrix(INF, 1, 1, 3));
    }

    /** Not symmetric: LU with partial pivoting, whose second pivot is ∞ − 1.5. */
    @Test
    void anInfiniteEntryOfAnyMatrixMakesItSingular() {
        assertSingularEverywhere(matrix(1, INF, 2, 3));
        assertSingularEverywhere(matrix(1, 2, 3, Double.NEGATIVE_INFINITY));
    }

    /** The second pivot is 2 − 0 · ∞: NaN, which no singularity test catches, and NaN comes out. */
    @Test
    void anEliminationThatMeetsZeroTimesInfinityGivesNaN() {
        DMatrixRMaj a = matrix(INF, INF, 1, 2);
        assertTrue(Double.isNaN(Robustness.logDeterminant(a)));
        assertAllNaN(RobustnessGradients.logDeterminantGradA(a));
        assertTrue(Double.isNaN(Robustness.determinant(a)));
        assertAllNaN(RobustnessGradients.determinantGradA(a));
    }

    private static void assertAllNaN(DMatrixRMaj m) {
        for (int i = 0; i < m.getNumElements(); i++) {
            assertTrue(Double.isNaN(m.data[i]), m.toString());
        }
    }
}
