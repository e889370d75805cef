package io.matgrad.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.GradientCheck;
import io.matgrad.runtime.SingularMatrixException;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The decision the README and {@code @Differentiable}'s Javadoc state: matgrad differentiates the
 * function the returned formula denotes, simplified as in exact arithmetic. Where the annotated
 * method throws or gives NaN only because of a term that simplification removes, the generated
 * code returns the finite value of the simplified formula; everywhere else the two agree.
 */
class SemanticsTest {
    private final Random random = new Random(12);
    private final DMatrixRMaj x = RandomMatrices_DDRM.rectangle(3, 1, -1, 1, random);
    /** Rank 1: singular to any precision. */
    private final DMatrixRMaj singular = new DMatrixRMaj(new double[][] {{1, 2}, {2, 4}});

    private DMatrixRMaj twice(DMatrixRMaj m) {
        DMatrixRMaj result = m.copy();
        CommonOps_DDRM.scale(2, result);
        return result;
    }

    private static double normSq(DMatrixRMaj m) {
        double sum = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            sum += m.data[i] * m.data[i];
        }
        return sum;
    }

    @Test
    void anUnusedInverseIsNotComputed() {
        assertThrows(SingularMatrixException.class, () -> Semantics.unusedInverse(singular, x));
        DMatrixRMaj gradient = new DMatrixRMaj(1, 1);
        assertEquals(normSq(x), SemanticsGradients.unusedInverseValueAndGrad(singular, x, gradient), 1e-15);
        assertTrue(MatrixFeatures_DDRM.isIdentical(twice(x), gradient, 1e-15));
        assertTrue(MatrixFeatures_DDRM.isIdentical(twice(x), SemanticsGradients.unusedInverseGradX(singular, x), 1e-15));
        assertEquals(normSq(x), new SemanticsGradients.UnusedInverseWorkspace().value(singular, x), 1e-15);
    }

    @Test
    void zeroTimesATermThatThrowsIsZero() {
        assertThrows(SingularMatrixException.class, () -> Semantics.zeroTimesLogDet(singular, x));
        DMatrixRMaj gradient = new DMatrixRMaj(1, 1);
        assertEquals(normSq(x), SemanticsGradients.zeroTimesLogDetValueAndGrad(singular, x, gradient), 1e-15);
        assertTrue(MatrixFeatures_DDRM.isIdentical(twice(x), gradient, 1e-15));
        assertEquals(normSq(x), new SemanticsGradients.ZeroTimesLogDetWorkspace().value(singular, x), 1e-15);
    }

    @Test
    void zeroTimesAnOverflowIsZeroNotNaN() {
        DMatrixRMaj large = new DMatrixRMaj(new double[][] {{1000}, {1000}, {1000}});
        assertTrue(Double.isNaN(Semantics.zeroTimesOverflow(large)), "0 · ∞ is NaN in IEEE arithmetic");
        DMatrixRMaj gradient = new DMatrixRMaj(1, 1);
        assertEquals(3e6, SemanticsGradients.zeroTimesOverflowValueAndGrad(large, gradient), 1e-9);
        assertTrue(MatrixFeatures_DDRM.isIdentical(twice(large), gradient, 0));
        assertEquals(3e6, new SemanticsGradients.ZeroTimesOverflowWorkspace().value(large), 1e-9);
    }

    @Test
    void aDifferenceOfEqualOverflowsIsZeroNotNaN() {
        DMatrixRMaj large = new DMatrixRMaj(new double[][] {{1000}, {-1}});
        assertTrue(Double.isNaN(Semantics.differenceOfOverflows(large)), "∞ − ∞ is NaN in IEEE arithmetic");
        DMatrixRMaj gradient = new DMatrixRMaj(1, 1);
        assertEquals(1e6 + 1, SemanticsGradients.differenceOfOverflowsValueAndGrad(large, gradient), 1e-9);
        assertTrue(MatrixFeatures_DDRM.isIdentical(twice(large), gradient, 0));
    }

    /** Away from such points the generated code and the method agree, values and derivatives. */
    @Test
    void elsewhereTheMethodAndTheGeneratedCodeAgree() {
        DMatrixRMaj spd = RandomMatrices_DDRM.symmetricPosDef(2, random);
        CommonOps_DDRM.addEquals(spd, CommonOps_DDRM.identity(2));
        DMatrixRMaj gradient = new DMatrixRMaj(1, 1);
        assertEquals(Semantics.unusedInverse(spd, x), SemanticsGradients.unusedInverseValueAndGrad(spd, x, gradient), 1e-14);
        GradientCheck.check(v -> Semantics.unusedInverse(spd, v), gradient, x).requireBelow(1e-6);
        assertEquals(Semantics.zeroTimesLogDet(spd, x), SemanticsGradients.zeroTimesLogDetValueAndGrad(spd, x, gradient),
                1e-14);
        GradientCheck.check(v -> Semantics.zeroTimesLogDet(spd, v), gradient, x).requireBelow(1e-6);
        assertEquals(Semantics.zeroTimesOverflow(x), SemanticsGradients.zeroTimesOverflowValueAndGrad(x, gradient), 1e-14);
        GradientCheck.check(Semantics::zeroTimesOverflow, gradient, x).requireBelow(1e-6);
        assertEquals(Semantics.differenceOfOverflows(x), SemanticsGradients.differenceOfOverflowsValueAndGrad(x, gradient),
                1e-14);
        GradientCheck.check(Semantics::differenceOfOverflows, gradient, x).requireBelow(1e-6);
    }
}
