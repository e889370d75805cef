package io.matgrad.tests;

import static io.matgrad.tests.GradientHarness.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.GradientCheck;
import io.matgrad.runtime.SingularMatrixException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/**
 * What generated methods do with arguments they cannot differentiate at: wrong or undeclared
 * shapes, singular matrices, NaN and infinite entries, outputs that are inputs. Each is an
 * exception that says what is wrong, or a non-finite result, never a finite wrong one.
 */
class RuntimeFaultsTest {
    private static final Random RANDOM = new Random(6);

    private static DMatrixRMaj random(int rows, int cols) {
        return RandomMatrices_DDRM.rectangle(rows, cols, -1, 1, RANDOM);
    }

    /** The exception {@code name(args)} of {@link RobustnessGradients} throws. */
    private static <T extends Throwable> T thrownBy(Class<T> type, String name, Object... args) {
        Method m = method(RobustnessGradients.class, name);
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> m.invoke(null, args));
        assertTrue(type.isInstance(e.getCause()), name + " threw " + e.getCause());
        return type.cast(e.getCause());
    }

    private static Object call(String name, Object... args) {
        return GradientHarness.invoke(method(RobustnessGradients.class, name), args);
    }

    // ---------------------------------------------------------------- shapes

    /** An entry or a block read at a fixed position needs a matrix that large: checked on entry, naming the read. */
    @Test
    void matricesTooSmallForTheEntriesAndBlocksTheFormulaReadsAreRejectedOnEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LanguageModelsGradients.entriesGradA(random(2, 2)));
        assertEquals("entries: A is 2x2, but A.get(1, 2) needs A.numCols >= 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LanguageModelsGradients.BlocksWorkspace().value(random(3, 2), random(6, 3)));
        assertEquals("blocks: A is 3x2, but extract(A, 0, 2, 0, 3) needs A.numCols >= 3", e.getMessage());
    }

    @Test
    void wrongShapesNameTheFunctionTheParametersTheirShapesAndTheRule() {
        IllegalArgumentException e = thrownBy(IllegalArgumentException.class, "leastSquaresGradX",
                random(3, 2), random(3, 1), random(3, 1));
        assertEquals("leastSquares: x is 3x1 and A is 3x2, but mult(A, x) needs x.numRows == A.numCols",
                e.getMessage());
    }

    @Test
    void declaredSizesAreCheckedOnEntry() {
        // everything fits the formula, but S is not the declared 3 x 3
        IllegalArgumentException e = thrownBy(IllegalArgumentException.class, "declaredGradX",
                random(2, 4), random(4, 1), random(2, 2), random(2, 1));
        assertEquals("declared: S is 2x2, but @Shape(\"3 x 3\") S needs S.numRows == 3", e.getMessage());
    }

    @Test
    void declaredNamesAreCheckedOnEntry() {
        IllegalArgumentException e = thrownBy(IllegalArgumentException.class, "declaredGradX",
                random(2, 4), random(5, 1), random(3, 3), random(2, 1));
        assertEquals("declared: x is 5x1 and A is 2x4, but @Shape(\"n x 1\") x needs x.numRows == A.numCols",
                e.getMessage());
    }

    @Test
    void declaredShapesDifferentiateLikeInferredOnes() {
        GradientHarness.check(Robustness.class, "declared", "A 2x4, x 4x1, S 3x3, b 2x1", "x", "S");
    }

    // ---------------------------------------------------------------- singular matrices

    private static DMatrixRMaj singular() {
        return new DMatrixRMaj(3, 3, true, 1, 2, 3, 2, 4, 6, 1, 0, 1);
    }

    @Test
    void singularMatricesThrowSingularMatrixException() {
        DMatrixRMaj a = singular();
        for (String gradient : new String[] {"inverseGradA", "logDeterminantGradA"}) {
            SingularMatrixException e = thrownBy(SingularMatrixException.class, gradient, a);
            assertTrue(e.getMessage().contains("is 3x3 and singular to working precision"), e.getMessage());
        }
        thrownBy(SingularMatrixException.class, "solvedGradA", a, random(3, 1));
        thrownBy(SingularMatrixException.class, "solvedValueAndGrad", a, random(3, 1), new DMatrixRMaj(1, 1),
                new DMatrixRMaj(1, 1));
        // as the method itself does: the generated code fails where the function does
        assertThrows(SingularMatrixException.class, () -> Robustness.inverse(a));
    }

    /**
     * det is defined everywhere, and so is its gradient, the transposed adjugate; the generated
     * gradient is det(A) A^-T, which needs the inverse: at a singular matrix it throws rather than
     * return a wrong value.
     */
    @Test
    void theGradientOfDetAtASingularMatrixThrows() {
        DMatrixRMaj a = singular();
        assertEquals(0, Robustness.determinant(a), 1e-12);
        thrownBy(SingularMatrixException.class, "determinantGradA", a);
    }

    // ---------------------------------------------------------------- NaN and infinity

    @Test
    void nanInputsGiveNanValuesAndNanGradients() {
        DMatrixRMaj a = random(4, 3);
        DMatrixRMaj x = random(3, 1);
        DMatrixRMaj b = random(4, 1);
        x.set(1, 0, Double.NaN);
        assertTrue(Double.isNaN(Robustness.leastSquares(a, x, b)));
        DMatrixRMaj gradient = (DMatrixRMaj) call("leastSquaresGradX", a, x, b);
        assertTrue(allNaN(gradient), gradient.toString());
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        call("leastSquaresValueAndGrad", a, x, b, out);
        assertTrue(allNaN(out));
    }

    @Test
    void infiniteInputsGiveNonFiniteValuesAndGradients() {
        DMatrixRMaj X = random(5, 3);
        DMatrixRMaj y = random(5, 1);
        DMatrixRMaj w = random(3, 1);
        X.set(2, 1, Double.POSITIVE_INFINITY);
        assertTrue(!Double.isFinite(Robustness.logistic(X, y, w)));
        DMatrixRMaj gradW = (DMatrixRMaj) call("logisticGradW", X, y, w);
        assertTrue(MatrixFeatures_DDRM.hasUncountable(gradW), gradW.toString());
        DMatrixRMaj gradX = new DMatrixRMaj(1, 1);
        DMatrixRMaj gradW2 = new DMatrixRMaj(1, 1);
        double value = (Double) call("logisticValueAndGrad", X, y, w, gradX, gradW2);
        assertTrue(!Double.isFinite(value));
        assertTrue(MatrixFeatures_DDRM.hasUncountable(gradW2));
    }

    @Test
    void nanThroughFactorizationsStaysNan() {
        DMatrixRMaj a = spd(3);
        a.set(0, 2, Double.NaN);
        assertTrue(Double.isNaN(Robustness.logDeterminant(a)));
        assertTrue(allNaN((DMatrixRMaj) call("logDeterminantGradA", a)));
        assertTrue(MatrixFeatures_DDRM.hasUncountable((DMatrixRMaj) call("solvedGradB", a, random(3, 1))));
    }

    /** An all-NaN matrix has no norm: the method's value is NaN, as is the generated one. */
    @Test
    void theNormOfNanIsNan() {
        DMatrixRMaj a = new DMatrixRMaj(2, 2);
        a.fill(Double.NaN);
        assertTrue(Double.isNaN(Robustness.frobenius(a)));
        assertTrue(allNaN((DMatrixRMaj) call("frobeniusGradA", a)));
    }

    @Test
    void theGeneratedNormsOfNanAreNan() {
        DMatrixRMaj a = new DMatrixRMaj(2, 2);
        a.fill(Double.NaN);
        assertTrue(Double.isNaN((Double) call("frobeniusValueAndGrad", a, new DMatrixRMaj(1, 1))));
        DMatrixRMaj x = random(3, 1);
        x.set(1, 0, Double.NaN);
        assertTrue(Double.isNaN((Double) call("leastSquaresValueAndGrad", random(4, 3), x, random(4, 1),
                new DMatrixRMaj(1, 1))));
    }

    private static boolean allNaN(DMatrixRMaj m) {
        for (int i = 0; i < m.getNumElements(); i++) {
            if (!Double.isNaN(m.data[i])) {
                return false;
            }
        }
        return true;
    }

    private static DMatrixRMaj spd(int n) {
        DMatrixRMaj a = RandomMatrices_DDRM.symmetricPosDef(n, RANDOM);
        for (int i = 0; i < n; i++) {
            a.add(i, i, 1);
        }
        return a;
    }

    // ---------------------------------------------------------------- aliasing

    @Test
    void anOutputThatIsAnInputIsRejected() {
        DMatrixRMaj a = random(4, 3);
        DMatrixRMaj x = random(3, 1);
        DMatrixRMaj b = random(4, 1);
        DMatrixRMaj before = x.copy();
        IllegalArgumentException e = thrownBy(IllegalArgumentException.class, "leastSquaresValueAndGrad", a, x, b, x);
        assertEquals("leastSquares: the output gradX is the same matrix as x; pass a separate matrix to"
                + " receive the result", e.getMessage());
        assertTrue(MatrixFeatures_DDRM.isIdentical(before, x, 0), "the input is untouched");
    }

    /** Before storage was compared, this passed the check and gave a wrong gradient (relative error 0.63). */
    @Test
    void anOutputWrappingAnInputsArrayIsRejected() {
        DMatrixRMaj a = random(4, 3);
        DMatrixRMaj x = random(3, 1);
        DMatrixRMaj b = random(4, 1);
        DMatrixRMaj before = x.copy();
        DMatrixRMaj wrapped = DMatrixRMaj.wrap(3, 1, x.data);
        IllegalArgumentException e = thrownBy(IllegalArgumentException.class, "leastSquaresValueAndGrad", a, x, b,
                wrapped);
        assertEquals("leastSquares: the output gradX shares its data array with x (one wraps the other's array);"
                + " pass a matrix with an array of its own to receive the result", e.getMessage());
        assertTrue(MatrixFeatures_DDRM.isIdentical(before, x, 0), "the input is untouched");
    }

    @Test
    void twoOutputsSharingAnArrayAreRejected() {
        DMatrixRMaj gradX = new DMatrixRMaj(5, 3);
        IllegalArgumentException e = thrownBy(IllegalArgumentException.class, "logisticValueAndGrad",
                random(5, 3), random(5, 1), random(3, 1), gradX, DMatrixRMaj.wrap(3, 1, gradX.data));
        assertEquals("logistic: the output gradW shares its data array with gradX (one wraps the other's array);"
                + " pass a matrix with an array of its own to receive the result", e.getMessage());
    }

    /** A rule relating two dimensions of one matrix names it once ("S is 2x3 and S is 2x3" before). */
    @Test
    void aSquareMatrixRuleNamesTheMatrixOnce() {
        IllegalArgumentException e = thrownBy(IllegalArgumentException.class, "logDeterminantGradA", random(2, 3));
        assertEquals("logDeterminant: A is 2x3, but logDet(A) needs A.numCols == A.numRows", e.getMessage());
    }

    @Test
    void twoOutputsThatAreOneMatrixAreRejected() {
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        IllegalArgumentException e = thrownBy(IllegalArgumentException.class, "logisticValueAndGrad",
                random(5, 3), random(5, 1), random(3, 1), out, out);
        assertEquals("logistic: the output gradW is the same matrix as gradX; pass a separate matrix to"
                + " receive the result", e.getMessage());
    }

    @Test
    void gradientsAgreeWithFiniteDifferencesOnGoodInputs() {
        GradientHarness.check(Robustness.class, "inverse", "A 3x3 spd", "A");
        GradientHarness.check(Robustness.class, "solved", "A 3x3 spd, b 3x1", "A", "b");
        GradientHarness.check(Robustness.class, "logDeterminant", "A 3x3 spd", "A");
        GradientHarness.check(Robustness.class, "determinant", "A 3x3 spd", "A");
        GradientHarness.check(Robustness.class, "logistic", "X 6x3, y 6x1, w 3x1", "X", "w");
        GradientHarness.check(Robustness.class, "frobenius", "A 3x2", "A");
        GradientHarness.check(Robustness.class, "scalarAndMatrix", "x 4x1, s", "x", "s");
        assertTrue(GradientCheck.relativeError(1.0, 1.0) == 0);
    }
}
