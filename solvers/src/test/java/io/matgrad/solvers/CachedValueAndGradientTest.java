package io.matgrad.solvers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class CachedValueAndGradientTest {
    /** f(x) = Σ x_i², ∇f = 2x; records the arrays it was called with. */
    private final List<double[]> calls = new ArrayList<>();
    private final ValueAndGradient squaredNorm = (x, gradient) -> {
        calls.add(x.data);
        double value = 0;
        for (int i = 0; i < x.getNumElements(); i++) {
            value += x.data[i] * x.data[i];
            gradient.data[i] = 2 * x.data[i];
        }
        return value;
    };
    private final CachedValueAndGradient cache = new CachedValueAndGradient(MatrixShape.column(2), squaredNorm);

    @Test
    void aValueAndAGradientAtOnePointCostOneEvaluation() {
        double[] x = {1, 2};
        double[] gradient = new double[2];
        assertEquals(5, cache.value(x));
        cache.gradient(x, gradient);
        assertArrayEquals(new double[] {2, 4}, gradient);
        assertEquals(1, cache.evaluations());
        assertEquals(5, cache.value(x));
        assertEquals(1, cache.evaluations());
    }

    @Test
    void theFunctionSeesTheSolversArrayNotACopy() {
        double[] x = {1, 2};
        cache.value(x);
        assertSame(x, calls.get(0));
    }

    @Test
    void pointsAreComparedByValueBecauseSolversOverwriteOneArray() {
        double[] x = {1, 2};
        cache.value(x);
        x[1] = 3; // the solver moves to a new trial point in the same array
        assertEquals(10, cache.value(x));
        assertEquals(2, cache.evaluations());
        assertEquals(10, cache.value(new double[] {1, 3})); // another array, same point
        assertEquals(2, cache.evaluations());
    }

    @Test
    void aFailedEvaluationIsNotCached() {
        boolean[] fail = {true};
        CachedValueAndGradient flaky = new CachedValueAndGradient(MatrixShape.column(1), (x, gradient) -> {
            if (fail[0]) {
                throw new ArithmeticException("first call fails");
            }
            gradient.data[0] = 1;
            return x.data[0];
        });
        double[] x = {7};
        assertThrows(ArithmeticException.class, () -> flaky.value(x));
        fail[0] = false;
        assertEquals(7, flaky.value(x));
        assertEquals(2, flaky.evaluations());
    }

    @Test
    void aGradientWrittenOutOfPlaceIsAnErrorNotASilentZero() {
        CachedValueAndGradient misshapen = new CachedValueAndGradient(MatrixShape.column(2), (x, gradient) -> {
            gradient.setTo(new DMatrixRMaj(3, 1)); // e.g. a gradient for the wrong problem size
            return 0;
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> misshapen.value(new double[2]));
        assertEquals("the gradient was reshaped to 3x1 with a new array instead of being written as the 2x1 matrix"
                + " it was given; check the shapes of the function's arguments", e.getMessage());
    }

    @Test
    void matrixParametersAreSeenInTheirShape() {
        CachedValueAndGradient matrix = new CachedValueAndGradient(MatrixShape.of(2, 3), (x, gradient) -> {
            assertEquals(2, x.numRows);
            assertEquals(3, x.numCols);
            assertEquals(2, gradient.numRows);
            assertEquals(3, gradient.numCols);
            gradient.set(1, 2, 1); // ∂f/∂x_12 for f(X) = X_12
            return x.get(1, 2);
        });
        double[] gradient = new double[6];
        matrix.gradient(new double[] {0, 0, 0, 0, 0, 9}, gradient);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 1}, gradient);
        assertEquals(9, matrix.value(new double[] {0, 0, 0, 0, 0, 9}));
    }
}
