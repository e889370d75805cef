package io.matgrad.tests;

import static io.matgrad.tests.GradientHarness.capitalize;
import static io.matgrad.tests.GradientHarness.checkHessianVectorProduct;
import static io.matgrad.tests.GradientHarness.generatedClass;
import static io.matgrad.tests.GradientHarness.indexOf;
import static io.matgrad.tests.GradientHarness.invoke;
import static io.matgrad.tests.GradientHarness.invokeUnmodified;
import static io.matgrad.tests.GradientHarness.method;
import static io.matgrad.tests.GradientHarness.replaced;
import static io.matgrad.tests.GradientHarness.spec;
import static io.matgrad.tests.GradientHarness.vec;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.GradientCheck;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jacobians against central differences of the function, Hessians against central differences of
 * the generated gradient, and Hessian-vector products against the Hessian times the vector.
 */
class SecondOrderTest {
    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> vectorFunctions() {
        return Stream.of(
                f("residuals", "A 6x3, x 3x1, b 6x1", "x", "A"),
                f("tanhLayer", "W 4x3, x 3x1", "x", "W"),
                f("sigmoidLayer", "W 4x3, x 3x1, b 4x1", "x", "b"),
                f("softmax", "A 5x3, x 3x1", "x"),
                f("squares", "x 4x1", "x"),
                f("normalized", "x 4x1", "x"),
                f("twoLayer", "W1 4x3, W2 2x4, x 3x1", "x", "W1"),
                f("linearSystem", "S 3x3 spd, x 3x1", "x", "S"),
                f("scaledByInnerProduct", "x 3x1, y 3x1", "x", "y"),
                f("logisticCurve", "t 7x1 positive, a, b, c, d", "a", "b", "c", "d"),
                f("residualsDenominator", "A 5x3, x 3x1, b 5x1", "x"));
    }

    static Stream<Arguments> scalarFunctions() {
        return Stream.of(
                f("leastSquares", "A 6x3, x 3x1, b 6x1", "x"),
                f("quadraticForm", "S 4x4, x 4x1", "x"),
                f("logistic", "A 8x3, x 3x1, y 8x1 positive", "x"),
                f("logSumExpOfAx", "A 5x3, x 3x1", "x"),
                f("tanhNetwork", "W1 4x3, w2 4x1, x 3x1", "x"),
                f("productOfInnerProducts", "x 3x1, y 3x1, S 3x3", "x"),
                f("ridge", "A 6x3, x 3x1, b 6x1, lambda", "x", "lambda"),
                f("mahalanobis", "S 3x3 spd, x 3x1, mu 3x1", "x"),
                f("norms", "x 4x1 positive", "x"),
                f("factorization", "Y 5x4, U 5x2, V 4x2", "U"),
                f("logDetBarrier", "X 3x3 spd, C 3x3", "X"));
    }

    private static Arguments f(String function, String parameters, String... wrt) {
        return Arguments.of(function, parameters, wrt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorFunctions")
    void jacobiansMatchFiniteDifferencesOfTheFunction(String function, String parameters, String[] wrt) {
        List<GradientHarness.Parameter> spec = spec(parameters);
        Method f = method(SecondOrder.class, function);
        boolean denominator = function.endsWith("Denominator");
        for (int seed = 1; seed <= 3; seed++) {
            Object[] args = arguments(spec, seed);
            for (String x : wrt) {
                int i = indexOf(spec, x);
                DMatrixRMaj jacobian = (DMatrixRMaj) invokeUnmodified(
                        method(generatedClass(SecondOrder.class), function + "Jacobian" + capitalize(x)), args, null);
                DMatrixRMaj numeric = numericalJacobian(f, args, i);
                if (denominator) {
                    numeric = CommonOps_DDRM.transpose(numeric, null);
                }
                double error = GradientCheck.relativeError(numeric, jacobian);
                assertTrue(error < TOLERANCE, function + ": J wrt " + x + " off by " + error);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalarFunctions")
    void hessiansMatchFiniteDifferencesOfTheGradient(String function, String parameters, String[] wrt) {
        List<GradientHarness.Parameter> spec = spec(parameters);
        Class<?> generated = generatedClass(SecondOrder.class);
        for (int seed = 1; seed <= 3; seed++) {
            Object[] args = arguments(spec, seed);
            for (String x : wrt) {
                int i = indexOf(spec, x);
                Method gradient = method(generated, function + "Grad" + capitalize(x));
                Object hessian = invokeUnmodified(method(generated, function + "Hessian" + capitalize(x)), args, null);
                if (args[i] instanceof Double) {
                    double numeric = GradientCheck.numericalDerivative(
                            t -> (Double) invoke(gradient, replaced(args, i, t)), (Double) args[i]);
                    assertTrue(GradientCheck.relativeError(numeric, (Double) hessian) < TOLERANCE,
                            function + ": ∂²f/∂" + x + "² = " + hessian + ", finite differences give " + numeric);
                    continue;
                }
                DMatrixRMaj h = (DMatrixRMaj) hessian;
                DMatrixRMaj numeric = numericalJacobian(gradient, args, i);
                double error = GradientCheck.relativeError(numeric, h);
                assertTrue(error < TOLERANCE, function + ": H wrt " + x + " off by " + error);
                checkHessianVectorProduct(generated, function, x, args, i, h, new Random(h.numRows));
            }
        }
    }

    /** Central differences of a matrix-valued method in its argument {@code i}, in vec order. */
    private static DMatrixRMaj numericalJacobian(Method f, Object[] args, int i) {
        if (args[i] instanceof Double d) {
            DMatrixRMaj plus = (DMatrixRMaj) invoke(f, replaced(args, i, d + 1e-6 * Math.max(1, Math.abs(d))));
            DMatrixRMaj minus = (DMatrixRMaj) invoke(f, replaced(args, i, d - 1e-6 * Math.max(1, Math.abs(d))));
            DMatrixRMaj vecPlus = vec(plus);
            DMatrixRMaj vecMinus = vec(minus);
            DMatrixRMaj column = new DMatrixRMaj(plus.getNumElements(), 1);
            for (int k = 0; k < column.numRows; k++) {
                column.data[k] = (vecPlus.data[k] - vecMinus.data[k]) / (2e-6 * Math.max(1, Math.abs(d)));
            }
            return column;
        }
        return GradientCheck.numericalJacobian(m -> (DMatrixRMaj) invoke(f, replaced(args, i, m)), (DMatrixRMaj) args[i]);
    }

    private static Object[] arguments(List<GradientHarness.Parameter> spec, int seed) {
        Random random = new Random(seed * 104729L);
        return spec.stream().map(p -> p.random(random)).toArray();
    }
}
