package io.matgrad.tests;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated gradients of {@link Operators}, against central finite differences of the
 * functions themselves (relative error below 1e-6, three seeds each), and their
 * {@code nameValueAndGrad} against the value and the gradient methods.
 */
class OperatorsGradientsTest {

    static Stream<Arguments> singleOperators() {
        return Stream.of(
                f("traceOfInverse", "C 4x4, X 4x4 invertible", "X", "C"),
                f("sumOfInverse", "S 4x4 spd", "S"),
                f("solveVector", "A 5x5 invertible, b 5x1, c 5x1", "A", "b", "c"),
                f("solveMatrix", "A 4x4 negdet, B 4x3, C 3x4", "A", "B"),
                f("determinant", "X 4x4 invertible", "X"),
                f("scaledDeterminant", "a, X 3x3 negdet", "X", "a"),
                f("logDeterminant", "X 5x5 negdet", "X"),
                f("productAndQuotient", "A 3x4, B 3x4, C 3x4 positive", "A", "B", "C"),
                f("expAndLog", "A 3x2, P 3x2 positive", "A", "P"),
                f("tanhSigmoidSoftplus", "A 4x3, B 4x3", "A", "B"),
                f("squareAndSqrt", "A 2x5, P 2x5 positive", "A", "P"),
                f("constantPowers", "P 3x3 positive, A 3x3", "P", "A"),
                f("variablePower", "P 4x2 positive, e", "P", "e"),
                f("diagonal", "v 4x1, A 4x4", "v", "A"),
                f("norms", "A 5x3, x 3x1", "A", "x"),
                f("logSumExpOfMatrix", "A 3x4", "A"),
                f("mathFunctions", "a, b", "a", "b"),
                f("mathOfReductions", "x 4x1", "x"));
    }

    static Stream<Arguments> chains() {
        return Stream.of(
                f("inverseOfGram", "S 4x4 spd, X 4x2, y 4x1", "X", "y"),
                f("traceOfInverseGram", "X 7x3", "X"),
                f("logDetLowRank", "S 4x4 spd, W 4x2", "W", "S"),
                f("determinantOfCombination", "X 3x3 spd, Y 3x3, a", "X", "Y", "a"),
                f("solveOfNonlinear", "A 3x3 invertible, B 3x4, C 4x2, x 2x1, y 3x1", "A", "B", "x"),
                f("gatedUnit", "W 4x3, V 4x3, x 3x1", "W", "V", "x"),
                f("nestedElementwise", "A 5x3, x 3x1", "A", "x"),
                f("logOfQuotient", "P 3x3 positive, Q 3x3 positive", "P", "Q"),
                f("diagonalShiftSolve", "d 4x1, A 4x4 negdet, b 4x1", "d", "A"),
                f("logDetOfInverse", "A 4x4 symmetric", "A"),
                f("ridgeFitResidual", "X 8x3, y 8x1, I 3x3 identity, lambda", "lambda", "X", "y"),
                f("mathOfMatrixFunctions", "S 3x3 spd, c", "S", "c"));
    }

    static Stream<Arguments> models() {
        return Stream.of(
                f("gaussianNll", "X 3x10, mu 3x1, S 3x3 spd, ones 10x1 ones", "mu", "S"),
                f("gaussianNllFactor", "X 3x8, mu 3x1, L 3x3, I 3x3 identity, ones 8x1 ones", "mu", "L"),
                f("precisionEstimation", "S 4x4 spd, P 4x4 spd", "P"),
                f("penalizedPrecision", "S 4x4 spd, P 4x4 spd, lambda", "P", "lambda"),
                f("logisticRegression", "X 10x3, w 3x1, y 10x1 mask, lambda", "w", "lambda"),
                f("logisticCrossEntropy", "X 10x3, w 3x1, y 10x1 mask", "w", "X"),
                f("twoLayerTanhNetwork", "W1 4x3, W2 2x4, b 4x1, X 3x6, Y 2x6, ones 6x1 ones", "W1", "W2", "b"),
                f("maskedMatrixFactorization", "Y 6x5, M 6x5 mask, U 6x2, V 5x2, lambda", "U", "V"),
                f("exponentialFactorization", "Y 4x5, A 4x2, B 2x5", "A", "B"),
                f("kernelQuadraticForm", "K 5x5 spd, y 5x1, I 5x5 identity, sigma", "y", "sigma", "K"),
                f("inverseQuadraticForm", "X 4x4 invertible, b 4x1", "X", "b"),
                f("softmaxCrossEntropy", "W 5x3, x 3x1, y 5x1 positive", "W", "x"),
                f("softmaxTwoSamples", "W 4x3, x1 3x1, x2 3x1, y1 4x1 mask, y2 4x1 mask", "W"),
                f("poissonRegression", "X 10x3, w 3x1, y 10x1 positive", "w"),
                f("robustRegression", "A 8x3, x 3x1, b 8x1, ones 8x1 ones, nu", "x", "nu"));
    }

    private static Arguments f(String function, String parameters, String... wrt) {
        return Arguments.of(function, parameters, wrt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleOperators")
    void singleOperators(String function, String parameters, String[] wrt) {
        GradientHarness.check(Operators.class, function, parameters, wrt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void chainsWithTheCoreLanguage(String function, String parameters, String[] wrt) {
        GradientHarness.check(Operators.class, function, parameters, wrt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void models(String function, String parameters, String[] wrt) {
        GradientHarness.check(Operators.class, function, parameters, wrt);
    }
}
