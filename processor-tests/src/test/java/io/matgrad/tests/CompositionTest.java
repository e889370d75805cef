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
import static io.matgrad.tests.GradientHarness.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.GradientCheck;
import io.matgrad.runtime.Verification;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Derivatives of functions that call other {@code @Differentiable} functions ({@link Composition}),
 * against central differences of the annotated methods, which call their helpers as ordinary Java
 * methods: gradients, Jacobians, Hessians and Hessian-vector products.
 */
class CompositionTest {
    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> gradients() {
        return Stream.of(
                f("network", "W1 4x3, b1 4x1, W2 2x4, x 3x1, y 2x1", "W1", "W2", "x"),
                f("networkLoss", "W1 4x3, W2 2x4, x 3x1, y 2x1", "x"),
                f("ridge", "A 6x3, x 3x1, b 6x1, lambda", "x", "lambda"),
                f("crossEntropy", "W 4x3, x 3x1, t 4x1 positive", "x", "W"),
                f("sizes", "x 3x1, s", "x", "s"),
                f("bilinear", "S 4x3, x 4x1, y 3x1", "x", "y", "S"),
                f("twoQuadratics", "P 3x3, x 3x1, Q 5x5, y 5x1", "x", "y"));
    }

    static Stream<Arguments> hessians() {
        return Stream.of(
                f("networkLoss", "W1 4x3, W2 2x4, x 3x1, y 2x1", "x"),
                f("ridge", "A 6x3, x 3x1, b 6x1, lambda", "x", "lambda"),
                f("crossEntropy", "W 4x3, x 3x1, t 4x1 positive", "x", "W"),
                f("sizes", "x 3x1, s", "x", "s"),
                f("twoQuadratics", "P 3x3, x 3x1, Q 5x5, y 5x1", "x", "y"));
    }

    static Stream<Arguments> jacobians() {
        return Stream.of(
                f("twoLayers", "W1 4x3, W2 2x4, x 3x1", "x", "W1"),
                f("probabilities", "W 4x3, x 3x1", "x"));
    }

    private static Arguments f(String function, String parameters, String... wrt) {
        return Arguments.of(function, parameters, wrt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradients")
    void gradientsGoThroughTheCalls(String function, String parameters, String[] wrt) {
        GradientHarness.check(Composition.class, function, parameters, wrt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hessians")
    void hessiansGoThroughTheCalls(String function, String parameters, String[] wrt) {
        List<GradientHarness.Parameter> spec = spec(parameters);
        Class<?> generated = generatedClass(Composition.class);
        for (int seed = 1; seed <= 3; seed++) {
            Object[] args = arguments(spec, seed);
            for (String x : wrt) {
                int i = indexOf(spec, x);
                Method gradient = method(generated, function + "Grad" + capitalize(x));
                Object hessian = invokeUnmodified(method(generated, function + "Hessian" + capitalize(x)), args, null);
                if (args[i] instanceof Double d) {
                    double numeric = GradientCheck.numericalDerivative(
                            t -> (Double) invoke(gradient, replaced(args, i, t)), d);
                    assertTrue(GradientCheck.relativeError(numeric, (Double) hessian) < TOLERANCE,
                            function + ": ∂²f/∂" + x + "² = " + hessian + ", finite differences give " + numeric);
                    continue;
                }
                DMatrixRMaj h = (DMatrixRMaj) hessian;
                // the independent truth: second differences of the annotated method itself
                DMatrixRMaj numeric = GradientCheck.numericalHessian(
                        m -> value(method(Composition.class, function), replaced(args, i, m)), (DMatrixRMaj) args[i]);
                double error = GradientCheck.relativeError(numeric, h);
                assertTrue(error < 1e-5, function + ": H wrt " + x + " off by " + error);
                checkHessianVectorProduct(generated, function, x, args, i, h, new Random(seed));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jacobians")
    void jacobiansGoThroughTheCalls(String function, String parameters, String[] wrt) {
        List<GradientHarness.Parameter> spec = spec(parameters);
        Method f = method(Composition.class, function);
        for (int seed = 1; seed <= 3; seed++) {
            Object[] args = arguments(spec, seed);
            for (String x : wrt) {
                int i = indexOf(spec, x);
                DMatrixRMaj jacobian = (DMatrixRMaj) invokeUnmodified(
                        method(generatedClass(Composition.class), function + "Jacobian" + capitalize(x)), args, null);
                DMatrixRMaj numeric = GradientCheck.numericalJacobian(
                        m -> (DMatrixRMaj) invoke(f, replaced(args, i, m)), (DMatrixRMaj) args[i]);
                double error = GradientCheck.relativeError(numeric, jacobian);
                assertTrue(error < TOLERANCE, function + ": J wrt " + x + " off by " + error);
            }
        }
    }

    /** The generated value is the annotated method's, helpers and all. */
    @Test
    void valuesAreTheAnnotatedMethodsValues() {
        Object[] args = arguments(spec("W1 4x3, b1 4x1, W2 2x4, x 3x1, y 2x1"), 7);
        Method network = method(Composition.class, "network");
        double truth = value(network, args);
        double generated = (Double) invoke(method(generatedClass(Composition.class), "networkValueAndGrad"),
                append(args, new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1)));
        assertEquals(truth, generated, 1e-12 * Math.max(1, Math.abs(truth)));
    }

    /** verifyAll, as users call it: every generated method of every function, helpers included. */
    @Test
    void verifyAllChecksEveryFunctionWithHelpers() {
        Verification composition = GradientCheck.verifyAll(Composition.class);
        assertEquals(List.of(), composition.failures(), composition.toString());
        // every public function (the private softmax has no generated checks: nothing outside can call it)
        assertEquals(List.of("bilinear", "crossEntropy", "network", "networkLoss", "outer", "penalty",
                        "probabilities", "quadratic", "ridge", "size", "size", "sizes", "twoLayers", "twoQuadratics"),
                functions(composition), composition.toString());
        Verification layers = GradientCheck.verifyAll(CompositionLayers.class);
        assertEquals(List.of(), layers.failures(), layers.toString());
        assertEquals(List.of("layer", "layer"), functions(layers), layers.toString());
    }

    /** The names of the functions checked, one per overload: {@code "size(double s)"} is {@code size}. */
    private static List<String> functions(Verification v) {
        return v.checks().stream().map(Verification.Check::function).distinct()
                .map(f -> f.substring(0, f.indexOf('('))).sorted().toList();
    }

    private static Object[] arguments(List<GradientHarness.Parameter> spec, int seed) {
        Random random = new Random(seed * 15485863L);
        return spec.stream().map(p -> p.random(random)).toArray();
    }

    private static Object[] append(Object[] args, Object... more) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
