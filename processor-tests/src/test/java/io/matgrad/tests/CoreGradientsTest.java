package io.matgrad.tests;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated gradients of {@link Core}, against finite differences of the functions themselves. */
class CoreGradientsTest {

    static Stream<Arguments> functions() {
        return Stream.of(
                f("leastSquares", "A 6x4, x 4x1, b 6x1", "x"),
                f("leastSquaresWithLocal", "A 6x4, x 4x1, b 6x1", "x", "A", "b"),
                f("ridge", "A 6x4, x 4x1, b 6x1, lambda", "x", "lambda"),
                f("quadraticForm", "S 4x4, x 4x1", "x", "S"),
                f("traceOfProduct", "A 5x3, B 5x3", "A", "B"),
                f("traceAXB", "A 2x3, X 3x4, B 4x2", "X"),
                f("matrixFactorization", "Y 6x5, U 6x2, V 5x2", "U", "V"),
                f("scalarArithmetic", "a, b", "a", "b"),
                f("defaultWrt", "x 3x1, A 4x3", "x"),
                f("negatedTranspose", "A 4x3, x 3x1", "A", "x"),
                f("scaledVectors", "s, x 4x1, y 4x1", "s", "x", "y"),
                f("sumOfProduct", "A 3x4, B 4x2", "A", "B"),
                f("ratioOfNorms", "x 5x1", "x"),
                f("traceOfSums", "A 4x4, B 4x4", "A", "B"),
                f("outerProduct", "x 3x1, y 4x1", "x", "y"),
                f("penalizedLeastSquares", "A 6x4, x 4x1, b 6x1", "x"),
                f("sharedLocals", "A 5x3, x 3x1", "x"),
                f("unaryOperators", "a, b", "a", "b"),
                f("transposedWrt", "X 4x3, y 4x1", "X"),
                f("quotientOfInnerProducts", "x 4x1, y 4x1", "x", "y"),
                f("traceOfSquare", "X 4x4", "X"),
                f("scaledMatrix", "a, X 3x2", "a", "X"),
                f("linearTwoLayer", "W1 4x3, W2 2x4, x 3x1, y 2x1", "W1", "W2"),
                f("transposedBilinearForm", "A 5x3, x 3x1, y 5x1", "x", "y", "A"));
    }

    private static Arguments f(String function, String parameters, String... wrt) {
        return Arguments.of(function, parameters, wrt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void gradientsMatchFiniteDifferences(String function, String parameters, String[] wrt) {
        GradientHarness.check(Core.class, function, parameters, wrt);
    }
}
