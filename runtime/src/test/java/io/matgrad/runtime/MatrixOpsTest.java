package io.matgrad.runtime;

import static io.matgrad.runtime.TestMatrices.SHAPES;
import static io.matgrad.runtime.TestMatrices.assertClose;
import static io.matgrad.runtime.TestMatrices.assertIdentical;
import static io.matgrad.runtime.TestMatrices.matrix;
import static io.matgrad.runtime.TestMatrices.positive;
import static io.matgrad.runtime.TestMatrices.random;
import static io.matgrad.runtime.TestMatrices.wellConditioned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each shape-generic function of {@link MatrixOps} against a reference written here with plain
 * loops, on random matrices of several shapes.
 */
class MatrixOpsTest {

    private static final double TOLERANCE = 1e-14;

    private final Random random = new Random(20240611);

    @Test
    void multMatchesTheTripleLoop() {
        int[][] sizes = {{1, 1, 1}, {1, 4, 1}, {4, 1, 3}, {3, 5, 2}, {6, 6, 6}, {2, 7, 1}};
        for (int[] s : sizes) {
            DMatrixRMaj a = random(s[0], s[1], random);
            DMatrixRMaj b = random(s[1], s[2], random);
            DMatrixRMaj expected = new DMatrixRMaj(s[0], s[2]);
            for (int i = 0; i < s[0]; i++) {
                for (int j = 0; j < s[2]; j++) {
                    double sum = 0;
                    for (int k = 0; k < s[1]; k++) {
                        sum += a.get(i, k) * b.get(k, j);
                    }
                    expected.set(i, j, sum);
                }
            }
            assertClose(expected, MatrixOps.mult(a, b), TOLERANCE);
        }
    }

    @Test
    void entrywiseBinaryFunctionsMatchTheirDefinitions() {
        for (int[] shape : SHAPES) {
            DMatrixRMaj a = random(shape[0], shape[1], random);
            DMatrixRMaj b = positive(shape[0], shape[1], random);
            assertEntrywise(a, b, (x, y) -> x + y, MatrixOps.add(a, b));
            assertEntrywise(a, b, (x, y) -> x - y, MatrixOps.sub(a, b));
            assertEntrywise(a, b, (x, y) -> x * y, MatrixOps.elementMult(a, b));
            assertEntrywise(a, b, (x, y) -> x / y, MatrixOps.elementDiv(a, b));
            assertEntrywise(a, b, (x, y) -> -2.5 * x, MatrixOps.scale(-2.5, a));
            assertEntrywise(a, b, (x, y) -> -x, MatrixOps.neg(a));
        }
    }

    @Test
    void elementwiseFunctionsMatchMath() {
        for (int[] shape : SHAPES) {
            DMatrixRMaj a = random(shape[0], shape[1], random);
            DMatrixRMaj p = positive(shape[0], shape[1], random);
            assertEntrywise(a, Math::exp, MatrixOps.exp(a));
            assertEntrywise(p, Math::log, MatrixOps.log(p));
            assertEntrywise(a, Math::tanh, MatrixOps.tanh(a));
            assertEntrywise(a, z -> 1 / (1 + Math.exp(-z)), MatrixOps.sigmoid(a));
            assertEntrywise(a, z -> Math.log(1 + Math.exp(z)), MatrixOps.softplus(a));
            assertEntrywise(a, z -> z * z, MatrixOps.square(a));
            assertEntrywise(p, Math::sqrt, MatrixOps.sqrt(p));
            assertEntrywise(p, z -> Math.pow(z, 2.5), MatrixOps.pow(p, 2.5));
            assertEntrywise(a, z -> 1 / (z * z * z), MatrixOps.pow(a, -3));
            assertEntrywise(a, Math::abs, MatrixOps.abs(a));
            assertEntrywise(a, Math::signum, MatrixOps.sign(a));
            assertEntrywise(a, z -> z > 0 ? z : 0, MatrixOps.relu(a));
            assertEntrywise(a, z -> z > 0 ? 1 : 0, MatrixOps.heaviside(a));
            assertEntrywise(a, Math::sin, MatrixOps.sin(a));
            assertEntrywise(a, Math::cos, MatrixOps.cos(a));
            assertEntrywise(p, Math::log1p, MatrixOps.log1p(p));
            assertEntrywise(a, Math::expm1, MatrixOps.expm1(a));
        }
    }

    /** At a kink each function takes the documented value: the derivatives' one-sided choice at 0 is 0. */
    @Test
    void nonSmoothFunctionsAtZero() {
        DMatrixRMaj zero = new DMatrixRMaj(1, 2, true, 0.0, -0.0);
        assertEntrywise(zero, z -> 0, MatrixOps.abs(zero));
        assertEntrywise(zero, z -> 0, MatrixOps.sign(zero));
        assertEntrywise(zero, z -> 0, MatrixOps.relu(zero));
        assertEntrywise(zero, z -> 0, MatrixOps.heaviside(zero));
    }

    @Test
    void transposeSwapsIndices() {
        for (int[] shape : SHAPES) {
            DMatrixRMaj a = random(shape[0], shape[1], random);
            DMatrixRMaj t = MatrixOps.transpose(a);
            assertEquals(shape[1] + "x" + shape[0], Shapes.of(t));
            for (int i = 0; i < a.numRows; i++) {
                for (int j = 0; j < a.numCols; j++) {
                    assertEquals(a.get(i, j), t.get(j, i));
                }
            }
        }
    }

    @Test
    void diagPutsAColumnOrRowVectorOnTheDiagonal() {
        assertIdentical(matrix(3, 3, 1, 0, 0, 0, -2, 0, 0, 0, 3), MatrixOps.diag(matrix(3, 1, 1, -2, 3)));
        assertIdentical(matrix(3, 3, 1, 0, 0, 0, -2, 0, 0, 0, 3), MatrixOps.diag(matrix(1, 3, 1, -2, 3)));
        assertIdentical(matrix(1, 1, 7), MatrixOps.diag(matrix(1, 1, 7)));
    }

    @Test
    void diagReadsOnlyTheVectorsEntriesOfALargerBackingArray() {
        DMatrixRMaj v = random(5, 5, random);
        v.reshape(2, 1, true);
        DMatrixRMaj expected = matrix(2, 2, v.get(0), 0, 0, v.get(1));
        assertIdentical(expected, MatrixOps.diag(v));
    }

    @Test
    void reductionsMatchTheirDefinitions() {
        for (int[] shape : SHAPES) {
            DMatrixRMaj a = random(shape[0], shape[1], random);
            DMatrixRMaj b = random(shape[0], shape[1], random);
            double dot = 0;
            double sumSq = 0;
            double sum = 0;
            double sumExp = 0;
            for (int i = 0; i < a.numRows; i++) {
                for (int j = 0; j < a.numCols; j++) {
                    dot += a.get(i, j) * b.get(i, j);
                    sumSq += a.get(i, j) * a.get(i, j);
                    sum += a.get(i, j);
                    sumExp += Math.exp(a.get(i, j));
                }
            }
            assertEquals(dot, MatrixOps.dot(a, b), TOLERANCE);
            assertEquals(sumSq, MatrixOps.normSq(a), TOLERANCE);
            assertEquals(Math.sqrt(sumSq), MatrixOps.norm(a), TOLERANCE);
            assertEquals(sum, MatrixOps.sum(a), TOLERANCE);
            assertEquals(Math.log(sumExp), MatrixOps.logSumExp(a), TOLERANCE);
        }
    }

    @Test
    void dotOfVectorsIsTheInnerProduct() {
        DMatrixRMaj a = random(5, 1, random);
        DMatrixRMaj b = random(5, 1, random);
        assertEquals(MatrixOps.mult(MatrixOps.transpose(a), b).get(0, 0), MatrixOps.dot(a, b), TOLERANCE);
    }

    @Test
    void traceSumsTheDiagonal() {
        assertEquals(1 + 5 + 9, MatrixOps.trace(matrix(3, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
        assertEquals(-4, MatrixOps.trace(matrix(1, 1, -4)));
    }

    @TestFactory
    Stream<DynamicTest> everyFunctionLeavesItsArgumentsUnmodifiedAndReturnsANewMatrix() {
        DMatrixRMaj a = TestMatrices.symmetricWithEigenvalues(new double[] {0.5, 1, 2, 3}, random);
        DMatrixRMaj p = positive(4, 4, random);
        DMatrixRMaj b = wellConditioned(4, random);
        DMatrixRMaj v = random(4, 1, random);
        Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
        calls.put("mult", () -> MatrixOps.mult(a, b));
        calls.put("add", () -> MatrixOps.add(a, b));
        calls.put("sub", () -> MatrixOps.sub(a, b));
        calls.put("scale", () -> MatrixOps.scale(3, a));
        calls.put("neg", () -> MatrixOps.neg(a));
        calls.put("transpose", () -> MatrixOps.transpose(a));
        calls.put("inv", () -> MatrixOps.inv(b));
        calls.put("solve", () -> MatrixOps.solve(b, a));
        calls.put("elementMult", () -> MatrixOps.elementMult(a, b));
        calls.put("elementDiv", () -> MatrixOps.elementDiv(a, p));
        calls.put("exp", () -> MatrixOps.exp(a));
        calls.put("log", () -> MatrixOps.log(p));
        calls.put("tanh", () -> MatrixOps.tanh(a));
        calls.put("sigmoid", () -> MatrixOps.sigmoid(a));
        calls.put("softplus", () -> MatrixOps.softplus(a));
        calls.put("square", () -> MatrixOps.square(a));
        calls.put("sqrt", () -> MatrixOps.sqrt(p));
        calls.put("pow", () -> MatrixOps.pow(p, 1.5));
        calls.put("diag", () -> MatrixOps.diag(v));
        calls.put("dot", () -> MatrixOps.dot(a, b));
        calls.put("trace", () -> MatrixOps.trace(b));
        calls.put("det", () -> MatrixOps.det(b));
        calls.put("logDet (Cholesky)", () -> MatrixOps.logDet(a));
        calls.put("logDet (LU)", () -> MatrixOps.logDet(b));
        calls.put("normSq", () -> MatrixOps.normSq(a));
        calls.put("norm", () -> MatrixOps.norm(a));
        calls.put("sum", () -> MatrixOps.sum(a));
        calls.put("logSumExp", () -> MatrixOps.logSumExp(a));
        DMatrixRMaj[] arguments = {a, p, b, v};
        return calls.entrySet().stream().map(call -> dynamicTest(call.getKey(), () -> {
            DMatrixRMaj[] before = Stream.of(arguments).map(DMatrixRMaj::copy).toArray(DMatrixRMaj[]::new);
            Object result = call.getValue().get();
            for (int i = 0; i < arguments.length; i++) {
                assertIdentical(before[i], arguments[i]);
                assertNotSame(arguments[i], result);
            }
        }));
    }

    private static void assertEntrywise(DMatrixRMaj a, DoubleUnaryOperator f, DMatrixRMaj actual) {
        assertEntrywise(a, a, (x, y) -> f.applyAsDouble(x), actual);
    }

    private static void assertEntrywise(DMatrixRMaj a, DMatrixRMaj b, DoubleBinaryOperator f, DMatrixRMaj actual) {
        DMatrixRMaj expected = new DMatrixRMaj(a.numRows, a.numCols);
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                expected.set(i, j, f.applyAsDouble(a.get(i, j), b.get(i, j)));
            }
        }
        assertClose(expected, actual, TOLERANCE);
    }
}
