package io.matgrad.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MatrixShapeTest {

    @Test
    void wrapSharesTheArrayInRowMajorOrder() {
        double[] array = {1, 2, 3, 4, 5, 6};
        DMatrixRMaj m = MatrixShape.of(2, 3).wrap(array);
        assertSame(array, m.data);
        assertEquals(6, m.get(1, 2));
        m.set(0, 1, 20);
        assertEquals(20, array[1]);
    }

    @Test
    void wrapAcceptsALongerArrayAndRejectsAShorterOne() {
        assertEquals(3, MatrixShape.column(3).wrap(new double[5]).getNumElements());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatrixShape.column(3).wrap(new double[2]));
        assertEquals("an array of length 2 cannot be viewed as a 3x1 matrix; it needs length 3", e.getMessage());
    }

    @Test
    void rejectsEmptyShapes() {
        assertThrows(IllegalArgumentException.class, () -> MatrixShape.column(0));
        assertThrows(IllegalArgumentException.class, () -> MatrixShape.of(2, -1));
    }

    @Test
    void anOutputWrittenInPlacePasses() {
        double[] array = new double[4];
        DMatrixRMaj out = MatrixShape.column(4).wrap(array);
        out.setTo(new DMatrixRMaj(4, 1, true, 1, 2, 3, 4)); // same size: setTo keeps the array
        MatrixShape.column(4).requireWrittenInPlace(out, array, "the gradient");
        assertEquals(4, array[3]);
    }

    @Test
    void anOutputReshapedAwayFromItsArrayIsAnError() {
        double[] array = new double[2];
        DMatrixRMaj out = MatrixShape.column(2).wrap(array);
        out.setTo(new DMatrixRMaj(3, 1)); // more entries: EJML allocates a new array
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MatrixShape.column(2).requireWrittenInPlace(out, array, "the gradient"));
        assertEquals("the gradient was reshaped to 3x1 with a new array instead of being written as the 2x1 matrix"
                + " it was given; check the shapes of the function's arguments", e.getMessage());
    }

    @Test
    void anOutputReshapedWithinItsArrayIsAnErrorToo() {
        double[] array = new double[4];
        DMatrixRMaj out = MatrixShape.column(4).wrap(array);
        out.reshape(2, 2);
        assertThrows(IllegalStateException.class, () -> MatrixShape.column(4).requireWrittenInPlace(out, array, "the gradient"));
    }
}
