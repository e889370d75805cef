package io.matgrad.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/** Every dimension mismatch is an IllegalArgumentException naming the call, both shapes and the rule. */
class ShapeErrorsTest {

    private static final DMatrixRMaj M2X3 = new DMatrixRMaj(2, 3);
    private static final DMatrixRMaj M3X1 = new DMatrixRMaj(3, 1);
    private static final DMatrixRMaj M2X1 = new DMatrixRMaj(2, 1);
    private static final DMatrixRMaj M3X3 = new DMatrixRMaj(3, 3);

    @TestFactory
    Stream<DynamicTest> mismatchesAreReportedWithTheCallAndBothShapes() {
        return Stream.of(
                error(() -> MatrixOps.mult(new DMatrixRMaj(3, 4), new DMatrixRMaj(5, 1)),
                        "mult(A, B): A is 3x4 but B is 5x1; columns of A must equal rows of B"),
                error(() -> MatrixOps.add(M3X1, M2X1), "add(A, B): A is 3x1 but B is 2x1; shapes must be equal"),
                error(() -> MatrixOps.sub(M2X1, M2X3), "sub(A, B): A is 2x1 but B is 2x3; shapes must be equal"),
                error(() -> MatrixOps.elementMult(M2X3, M3X3),
                        "elementMult(A, B): A is 2x3 but B is 3x3; shapes must be equal"),
                error(() -> MatrixOps.elementDiv(M3X3, M2X3),
                        "elementDiv(A, B): A is 3x3 but B is 2x3; shapes must be equal"),
                error(() -> MatrixOps.dot(M3X1, new DMatrixRMaj(1, 3)),
                        "dot(A, B): A is 3x1 but B is 1x3; shapes must be equal"),
                error(() -> MatrixOps.solve(M3X3, M2X1),
                        "solve(A, B): A is 3x3 but B is 2x1; rows of A must equal rows of B"),
                error(() -> MatrixOps.solve(M2X3, M2X1), "solve(A, B): A is 2x3 but must be square"),
                error(() -> MatrixOps.inv(M2X3), "inv(A): A is 2x3 but must be square"),
                error(() -> MatrixOps.trace(M2X3), "trace(A): A is 2x3 but must be square"),
                error(() -> MatrixOps.det(M3X1), "det(A): A is 3x1 but must be square"),
                error(() -> MatrixOps.logDet(M2X3), "logDet(A): A is 2x3 but must be square"),
                error(() -> MatrixOps.diag(M2X3), "diag(v): v is 2x3 but must be a vector"),
                error(() -> GradientCheck.relativeError(M2X1, M3X1),
                        "relativeError(expected, actual): expected is 2x1 but actual is 3x1; shapes must be equal"),
                error(() -> GradientCheck.check(x -> 0, M2X3, M3X1),
                        "check(f, analyticGradient, x): analyticGradient is 2x3 but x is 3x1; shapes must be equal"));
    }

    private static DynamicTest error(Executable call, String message) {
        return dynamicTest(message, () ->
                assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage()));
    }
}
