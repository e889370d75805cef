package io.matgrad.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The checks generated methods run on entry, and how their failures read. */
class ArgumentsTest {

    @Test
    void aRuleBetweenTwoMatricesNamesBoth() {
        DMatrixRMaj a = new DMatrixRMaj(3, 5);
        DMatrixRMaj x = new DMatrixRMaj(4, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arguments.requireDimension(
                x.numRows, a.numCols, "f", "mult(A, x) needs x.numRows == A.numCols", "x", x, "A", a));
        assertEquals("f: x is 4x1 and A is 3x5, but mult(A, x) needs x.numRows == A.numCols", e.getMessage());
    }

    @Test
    void aRuleBetweenTwoDimensionsOfOneMatrixNamesItOnce() {
        DMatrixRMaj s = new DMatrixRMaj(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arguments.requireDimension(
                s.numRows, s.numCols, "ld", "logDet(S) needs S.numRows == S.numCols", "S", s, "S", s));
        assertEquals("ld: S is 2x3, but logDet(S) needs S.numRows == S.numCols", e.getMessage());
    }

    @Test
    void oneMatrixPassedForTwoParametersKeepsBothNames() {
        DMatrixRMaj m = new DMatrixRMaj(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arguments.requireDimension(
                m.numCols, m.numRows, "f", "mult(A, B) needs A.numCols == B.numRows", "A", m, "B", m));
        assertEquals("f: A is 2x3 and B is 2x3, but mult(A, B) needs A.numCols == B.numRows", e.getMessage());
    }

    @Test
    void anOutputThatIsAnInputIsRejected() {
        DMatrixRMaj x = new DMatrixRMaj(3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Arguments.requireDistinct(x, x, "f", "gradX", "x"));
        assertEquals("f: the output gradX is the same matrix as x; pass a separate matrix to receive the result",
                e.getMessage());
    }

    @Test
    void anOutputWrappingAnInputsArrayIsRejected() {
        DMatrixRMaj x = new DMatrixRMaj(3, 1, true, 1, 2, 3);
        DMatrixRMaj wrapped = DMatrixRMaj.wrap(3, 1, x.data);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Arguments.requireDistinct(wrapped, x, "f", "gradX", "x"));
        assertEquals("f: the output gradX shares its data array with x (one wraps the other's array); pass a"
                + " matrix with an array of its own to receive the result", e.getMessage());
        // reshaped views of the same array too
        DMatrixRMaj row = DMatrixRMaj.wrap(1, 3, x.data);
        assertThrows(IllegalArgumentException.class, () -> Arguments.requireDistinct(row, x, "f", "gradX", "x"));
    }

    @Test
    void distinctMatricesOfEqualValuesPass() {
        DMatrixRMaj x = new DMatrixRMaj(3, 1, true, 1, 2, 3);
        assertDoesNotThrow(() -> Arguments.requireDistinct(x.copy(), x, "f", "gradX", "x"));
        assertDoesNotThrow(() -> Arguments.requireDistinct(new DMatrixRMaj(0, 0), new DMatrixRMaj(0, 0), "f", "a", "b"));
    }
}
