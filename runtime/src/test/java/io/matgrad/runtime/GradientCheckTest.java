package io.matgrad.runtime;

import static io.matgrad.runtime.TestMatrices.assertClose;
import static io.matgrad.runtime.TestMatrices.assertIdentical;
import static io.matgrad.runtime.TestMatrices.matrix;
import static io.matgrad.runtime.TestMatrices.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;

/** Finite differences against derivatives known in closed form. */
class GradientCheckTest {

    private final Random random = new Random(99);

    @Test
    void gradientOfTheSquaredNormIsTwiceTheVector() {
        for (double scale : new double[] {1, 1e3}) {
            DMatrixRMaj x = MatrixOps.scale(scale, random(6, 1, random));
            DMatrixRMaj numerical = GradientCheck.numericalGradient(v -> MatrixOps.dot(v, v), x);
            assertTrue(GradientCheck.relativeError(MatrixOps.scale(2, x), numerical) < 1e-8, numerical::toString);
        }
    }

    @Test
    void gradientWithRespectToAMatrixIsShapedLikeIt() {
        DMatrixRMaj a = random(3, 4, random);
        DMatrixRMaj x = random(3, 4, random);
        // d tr(A^T X) / dX = A
        DMatrixRMaj numerical = GradientCheck.numericalGradient(v -> MatrixOps.dot(a, v), x);
        assertClose(a, numerical, 1e-8);
    }

    @Test
    void theFunctionSeesACopyAndTheArgumentIsNeverModified() {
        DMatrixRMaj x = random(2, 3, random);
        DMatrixRMaj original = x.copy();
        GradientCheck.numericalGradient(v -> {
            assertNotSame(x, v);
            assertIdentical(original, x);
            return MatrixOps.sum(MatrixOps.exp(v));
        }, x);
        GradientCheck.numericalJacobian(v -> {
            assertNotSame(x, v);
            assertIdentical(original, x);
            return MatrixOps.exp(v);
        }, x);
        assertIdentical(original, x);
    }

    @Test
    void derivativeOfAScalarFunction() {
        assertEquals(Math.cos(1), GradientCheck.numericalDerivative(Math::sin, 1), 1e-9);
        assertEquals(2e4, GradientCheck.numericalDerivative(t -> t * t, 1e4), 1e-8 * 2e4);
        assertEquals(-1 / (1e-3 * 1e-3), GradientCheck.numericalDerivative(t -> 1 / t, 1e-3), 1e-4 * 1e6);
    }

    @Test
    void jacobianOfALinearMapIsItsMatrix() {
        DMatrixRMaj a = random(3, 4, random);
        DMatrixRMaj x = random(4, 1, random);
        assertClose(a, GradientCheck.numericalJacobian(v -> MatrixOps.mult(a, v), x), 1e-9);
    }

    /** The identity returns the probe itself, which must not change under the difference. */
    @Test
    void jacobianOfAFunctionReturningItsArgumentIsTheIdentity() {
        DMatrixRMaj x = new DMatrixRMaj(3, 1, true, 0.5, -2, 4);
        DMatrixRMaj jacobian = GradientCheck.numericalJacobian(v -> v, x);
        assertTrue(MatrixFeatures_DDRM.isIdentity(jacobian, 1e-9), jacobian.toString());
    }

    @Test
    void jacobianNumbersTheEntriesOfAMatrixArgumentColumnByColumn() {
        DMatrixRMaj x = random(2, 3, random);
        // f(X) lists X's entries in vec order; its Jacobian is the identity only if x is numbered that way too
        DMatrixRMaj jacobian = GradientCheck.numericalJacobian(v -> {
            DMatrixRMaj vec = new DMatrixRMaj(6, 1);
            for (int col = 0, k = 0; col < 3; col++) {
                for (int row = 0; row < 2; row++) {
                    vec.set(k++, 0, v.get(row, col));
                }
            }
            return vec;
        }, x);
        assertClose(CommonOps_DDRM.identity(6), jacobian, 1e-9);
    }

    @Test
    void jacobianOfAMatrixProductIsAKroneckerProduct() {
        DMatrixRMaj a = random(4, 2, random);
        DMatrixRMaj x = random(2, 3, random);
        // vec(A X) = (I ⊗ A) vec(X)
        DMatrixRMaj expected = CommonOps_DDRM.kron(CommonOps_DDRM.identity(3), a, null);
        assertClose(expected, GradientCheck.numericalJacobian(v -> MatrixOps.mult(a, v), x), 1e-9);
    }

    @Test
    void jacobianRejectsAFunctionWhoseShapeChanges() {
        DMatrixRMaj x = matrix(2, 1, 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.numericalJacobian(v -> v.get(0) == 0 ? v.copy() : new DMatrixRMaj(3, 1), x));
        assertEquals("numericalJacobian(f, x): f(x) is 2x1 but f(x + h e_j) is 3x1; shapes must be equal", e.getMessage());
    }

    @Test
    void relativeErrorIsRelativeToTheLargerNormWithAFloor() {
        assertEquals(0.5 / Math.hypot(3, 4.5), GradientCheck.relativeError(matrix(2, 1, 3, 4), matrix(2, 1, 3, 4.5)), 1e-16);
        assertEquals(0.5 / Math.hypot(3, 4.5), GradientCheck.relativeError(matrix(2, 1, 3, 4.5), matrix(2, 1, 3, 4)), 1e-16);
        assertEquals(0, GradientCheck.relativeError(new DMatrixRMaj(2, 2), new DMatrixRMaj(2, 2)));
        assertEquals(0.01, GradientCheck.relativeError(matrix(1, 1, 0), matrix(1, 1, 1e-10)), 1e-15);
        assertEquals(0.1 / 1.1, GradientCheck.relativeError(1, 1.1), 1e-15);
        assertEquals(0, GradientCheck.relativeError(0, 0));
        assertEquals(0.01, GradientCheck.relativeError(0, -1e-10), 1e-15);
    }

    @Test
    void checkAcceptsTheRightGradient() {
        DMatrixRMaj a = random(4, 3, random);
        DMatrixRMaj b = random(4, 1, random);
        DMatrixRMaj x = random(3, 1, random);
        // f(x) = ||A x - b||^2, gradient 2 A^T (A x - b)
        DMatrixRMaj gradient = MatrixOps.scale(2, MatrixOps.mult(MatrixOps.transpose(a), MatrixOps.sub(MatrixOps.mult(a, x), b)));
        GradientCheck.Result result = GradientCheck.check(v -> MatrixOps.normSq(MatrixOps.sub(MatrixOps.mult(a, v), b)), gradient, x);
        assertSame(result, result.requireBelow(1e-8));
        assertSame(gradient, result.analytic());
        assertClose(gradient, result.numerical(), 1e-7);
    }

    @Test
    void checkRejectsAWrongGradientShowingBoth() {
        DMatrixRMaj x = random(3, 1, random);
        DMatrixRMaj wrong = x.copy(); // the gradient of x^T x is 2x, not x
        GradientCheck.Result result = GradientCheck.check(v -> MatrixOps.dot(v, v), wrong, x);
        assertEquals(0.5, result.relativeError(), 1e-8);
        AssertionError e = assertThrows(AssertionError.class, () -> result.requireBelow(1e-6));
        assertTrue(e.getMessage().startsWith("gradient check failed: relative error 5.000e-01 is not below 1.000e-06"),
                e.getMessage());
        assertTrue(e.getMessage().contains("analytic:") && e.getMessage().contains("numerical:"), e.getMessage());
    }

    @Test
    void checkRejectsNaNAndInfiniteGradients() {
        DMatrixRMaj x = random(2, 1, random);
        GradientCheck.Result nanFunction = GradientCheck.check(v -> Double.NaN, x, x);
        assertTrue(Double.isNaN(nanFunction.relativeError()));
        assertThrows(AssertionError.class, () -> nanFunction.requireBelow(1));
        DMatrixRMaj infinite = matrix(2, 1, Double.POSITIVE_INFINITY, 0);
        assertThrows(AssertionError.class, () -> GradientCheck.check(v -> 0, infinite, x).requireBelow(1));
    }

    // Jacobians, Hessians and Hessian-vector products

    /** f(x) = Σ exp(x_i) + (xᵀx)² / 4, whose derivatives are known in closed form. */
    private static double quartic(DMatrixRMaj x) {
        return MatrixOps.sum(MatrixOps.exp(x)) + Math.pow(MatrixOps.dot(x, x), 2) / 4;
    }

    /** ∇f = exp(x) + (xᵀx) x. */
    private static DMatrixRMaj quarticGradient(DMatrixRMaj x) {
        return MatrixOps.add(MatrixOps.exp(x), MatrixOps.scale(MatrixOps.dot(x, x), x));
    }

    /** ∇²f = diag(exp(x)) + (xᵀx) I + 2 x xᵀ. */
    private static DMatrixRMaj quarticHessian(DMatrixRMaj x) {
        int n = x.getNumElements();
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(2, x, x, h);
        for (int i = 0; i < n; i++) {
            h.add(i, i, Math.exp(x.get(i)) + MatrixOps.dot(x, x));
        }
        return h;
    }

    @Test
    void hessianOfAQuadraticFormIsTheSymmetrizedMatrix() {
        DMatrixRMaj s = random(4, 4, random);
        DMatrixRMaj x = random(4, 1, random);
        DMatrixRMaj hessian = GradientCheck.numericalHessian(v -> MatrixOps.dot(v, MatrixOps.mult(s, v)), x);
        assertClose(MatrixOps.add(s, MatrixOps.transpose(s)), hessian, 1e-7);
    }

    @Test
    void hessianOfANonQuadraticFunctionIsSymmetricAndAccurate() {
        DMatrixRMaj x = random(5, 1, random);
        DMatrixRMaj hessian = GradientCheck.numericalHessian(GradientCheckTest::quartic, x);
        assertIdentical(MatrixOps.transpose(hessian), hessian);
        assertTrue(GradientCheck.relativeError(quarticHessian(x), hessian) < 1e-6, hessian::toString);
    }

    @Test
    void hessianNumbersTheEntriesOfAMatrixArgumentColumnByColumn() {
        DMatrixRMaj x = random(2, 2, random);
        // f(X) = X_10 X_01: vec(X) = (X_00, X_10, X_01, X_11), so only entries (1, 2) and (2, 1) are 1
        DMatrixRMaj hessian = GradientCheck.numericalHessian(v -> v.get(1, 0) * v.get(0, 1), x);
        DMatrixRMaj expected = new DMatrixRMaj(4, 4);
        expected.set(1, 2, 1);
        expected.set(2, 1, 1);
        assertClose(expected, hessian, 1e-8);
    }

    @Test
    void checkJacobianAcceptsTheRightJacobian() {
        DMatrixRMaj a = random(5, 3, random);
        DMatrixRMaj x = random(3, 1, random);
        // ∂ exp(Ax) / ∂x = diag(exp(Ax)) A
        DMatrixRMaj jacobian = MatrixOps.mult(MatrixOps.diag(MatrixOps.exp(MatrixOps.mult(a, x))), a);
        GradientCheck.Result result = GradientCheck.checkJacobian(v -> MatrixOps.exp(MatrixOps.mult(a, v)), jacobian, x);
        assertSame(result, result.requireBelow(1e-8));
        assertEquals("Jacobian", result.quantity());
        assertSame(jacobian, result.analytic());
    }

    @Test
    void checkJacobianRejectsAWrongJacobianNamingIt() {
        DMatrixRMaj a = random(4, 4, random);
        DMatrixRMaj x = random(4, 1, random);
        // the Jacobian of Ax is A, not Aᵀ
        GradientCheck.Result result = GradientCheck.checkJacobian(v -> MatrixOps.mult(a, v), MatrixOps.transpose(a), x);
        AssertionError e = assertThrows(AssertionError.class, () -> result.requireBelow(1e-6));
        assertTrue(e.getMessage().startsWith("Jacobian check failed: relative error"), e.getMessage());
    }

    @Test
    void checkJacobianExplainsTheExpectedShape() {
        DMatrixRMaj a = random(5, 3, random);
        DMatrixRMaj x = random(3, 1, random);
        DMatrixRMaj denominatorLayout = new DMatrixRMaj(3, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.checkJacobian(v -> MatrixOps.mult(a, v), denominatorLayout, x));
        assertEquals("checkJacobian(f, analyticJacobian, x): analyticJacobian is 3x5, but f(x) has 5 entries and x has 3,"
                + " so the Jacobian is 5x3 (numerator layout: entry ij is ∂f_i/∂x_j)", e.getMessage());
    }

    @Test
    void checkHessianFromValuesAloneAcceptsTheRightHessianAndRejectsAWrongOne() {
        DMatrixRMaj x = random(4, 1, random);
        GradientCheck.Result right = GradientCheck.checkHessian(GradientCheckTest::quartic, quarticHessian(x), x);
        assertEquals("Hessian", right.quantity());
        right.requireBelow(1e-5);
        DMatrixRMaj withoutOuterProduct = quarticHessian(x);
        CommonOps_DDRM.multAddTransB(-2, x, x, withoutOuterProduct);
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradientCheck.checkHessian(GradientCheckTest::quartic, withoutOuterProduct, x).requireBelow(1e-4));
        assertTrue(e.getMessage().startsWith("Hessian check failed"), e.getMessage());
    }

    @Test
    void checkHessianRejectsANonSquareHessian() {
        DMatrixRMaj x = random(3, 1, random);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.checkHessian(GradientCheckTest::quartic, new DMatrixRMaj(3, 1), x));
        assertEquals("checkHessian(f, analyticHessian, x): analyticHessian is 3x1, but x has 3 entries, so the Hessian is 3x3",
                e.getMessage());
    }

    @Test
    void theJacobianOfAGradientChecksAHessianMoreSharply() {
        DMatrixRMaj x = random(4, 1, random);
        GradientCheck.checkJacobian(GradientCheckTest::quarticGradient, quarticHessian(x), x).requireBelow(1e-8);
    }

    @Test
    void checkHessianVectorProductAcceptsTheRightProductAndRejectsAWrongOne() {
        for (double scale : new double[] {1e-3, 1, 1e3}) {
            DMatrixRMaj x = random(6, 1, random);
            DMatrixRMaj v = MatrixOps.scale(scale, random(6, 1, random));
            DMatrixRMaj product = MatrixOps.mult(quarticHessian(x), v);
            GradientCheck.Result result = GradientCheck.checkHessianVectorProduct(GradientCheckTest::quarticGradient, product, x, v);
            assertEquals("Hessian-vector product", result.quantity());
            result.requireBelow(1e-7);
            DMatrixRMaj wrong = MatrixOps.mult(quarticHessian(x), MatrixOps.scale(1.01, v));
            assertThrows(AssertionError.class,
                    () -> GradientCheck.checkHessianVectorProduct(GradientCheckTest::quarticGradient, wrong, x, v).requireBelow(1e-6));
        }
    }

    @Test
    void theHessianTimesZeroIsZeroWithoutEvaluatingTheGradient() {
        DMatrixRMaj x = random(3, 1, random);
        GradientCheck.checkHessianVectorProduct(u -> {
            throw new AssertionError("evaluated");
        }, new DMatrixRMaj(3, 1), x, new DMatrixRMaj(3, 1)).requireBelow(1e-12);
    }

    @Test
    void checkHessianVectorProductRequiresShapesLikeX() {
        DMatrixRMaj x = random(3, 1, random);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.checkHessianVectorProduct(GradientCheckTest::quarticGradient, new DMatrixRMaj(3, 1), x,
                        new DMatrixRMaj(1, 3)));
        assertTrue(e.getMessage().startsWith("checkHessianVectorProduct(gradient, analyticProduct, x, v): v is 1x3"), e.getMessage());
    }
}
