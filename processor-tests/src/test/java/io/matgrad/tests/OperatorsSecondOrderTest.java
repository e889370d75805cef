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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.GradientCheck;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jacobians of {@link OperatorsSecondOrder}'s vector functions against central differences of the
 * functions; Hessians against central differences of the generated gradients; Hessian-vector
 * products against the Hessian times the vector. Matrix-shaped {@code wrt} are numbered column by
 * column, as {@link GradientCheck#numericalJacobian} does.
 */
class OperatorsSecondOrderTest {
    private static final double TOLERANCE = 1e-6;
    private static final Class<?> MODELS = OperatorsSecondOrder.class;

    static Stream<Arguments> vectorFunctions() {
        return Stream.of(
                f("inverseTimesTanh", "A 4x4 invertible, x 4x1", "x", "A"),
                f("softplusLayer", "A 5x3, x 3x1", "x", "A"),
                f("elementwiseRational", "x 4x1, ones 4x1 ones", "x"),
                f("scaledByLogDet", "S 3x3 spd, x 3x1", "x"),
                f("transposedSolve", "A 4x4 negdet, x 4x1", "x", "A"));
    }

    static Stream<Arguments> scalarFunctions() {
        return Stream.of(
                f("normOfSolve", "A 4x4 invertible, x 4x1", "x"),
                f("quadraticFormOfInverse", "A 4x4 negdet, x 4x1", "x"),
                f("logDetOfDiagonalShift", "S 4x4 spd, x 4x1", "x"),
                f("determinantLemma", "S 3x3 spd, x 3x1", "x"),
                f("mathFunctions", "a 3x1, x 3x1, s", "x", "s"),
                f("elementwiseSums", "c 4x1, x 4x1, ones 4x1 ones", "x"),
                f("gaussianNll", "X 3x7, mu 3x1, S 3x3 spd, ones 7x1 ones", "mu"),
                f("poissonRegression", "X 8x3, w 3x1, y 8x1 positive", "w"));
    }

    private static Arguments f(String function, String parameters, String... wrt) {
        return Arguments.of(function, parameters, wrt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorFunctions")
    void jacobiansMatchFiniteDifferencesOfTheFunction(String function, String parameters, String[] wrt) {
        List<GradientHarness.Parameter> spec = spec(parameters);
        Method f = method(MODELS, function);
        for (int seed = 1; seed <= 3; seed++) {
            Object[] args = arguments(spec, seed, function);
            for (String x : wrt) {
                int i = indexOf(spec, x);
                DMatrixRMaj jacobian = (DMatrixRMaj) invokeUnmodified(
                        method(generatedClass(MODELS), function + "Jacobian" + capitalize(x)), args, null);
                DMatrixRMaj numeric = numericalJacobian(m -> (DMatrixRMaj) invoke(f, replaced(args, i, m)), args[i]);
                double error = GradientCheck.relativeError(numeric, jacobian);
                assertTrue(error < TOLERANCE, function + ": J wrt " + x + " off by " + error + " (seed " + seed + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalarFunctions")
    void hessiansMatchFiniteDifferencesOfTheGradient(String function, String parameters, String[] wrt) {
        List<GradientHarness.Parameter> spec = spec(parameters);
        Class<?> generated = generatedClass(MODELS);
        for (int seed = 1; seed <= 3; seed++) {
            Object[] args = arguments(spec, seed, function);
            for (String x : wrt) {
                int i = indexOf(spec, x);
                Method gradient = method(generated, function + "Grad" + capitalize(x));
                Object hessian = invokeUnmodified(method(generated, function + "Hessian" + capitalize(x)), args, null);
                DMatrixRMaj h = asMatrix(hessian);
                DMatrixRMaj numeric = numericalJacobian(m -> asMatrix(invoke(gradient, replaced(args, i, fromMatrix(m, args[i])))), args[i]);
                double error = GradientCheck.relativeError(numeric, h);
                assertTrue(error < TOLERANCE, function + ": H wrt " + x + " off by " + error + " (seed " + seed + ")");
                if (args[i] instanceof DMatrixRMaj) {
                    checkHessianVectorProduct(generated, function, x, args, i, h, new Random(seed));
                }
            }
        }
    }

    /** Central differences in vec order; a double argument is a 1 x 1 matrix. */
    private static DMatrixRMaj numericalJacobian(Function<DMatrixRMaj, DMatrixRMaj> f, Object x) {
        return GradientCheck.numericalJacobian(f, asMatrix(x));
    }

    /** A double as a 1 x 1 matrix; a matrix as itself. */
    private static DMatrixRMaj asMatrix(Object value) {
        return value instanceof Double d ? new DMatrixRMaj(1, 1, true, d) : (DMatrixRMaj) value;
    }

    private static Object fromMatrix(DMatrixRMaj m, Object like) {
        return like instanceof Double ? (Object) m.get(0, 0) : m;
    }

    private static Object[] arguments(List<GradientHarness.Parameter> spec, int seed, String function) {
        Random random = new Random(seed * 6271L + function.hashCode());
        return spec.stream().map(p -> p.random(random)).toArray();
    }
}
