package io.matgrad.tests;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated gradients of {@link LanguageModels}, against central finite differences of the
 * annotated methods (three seeds each), and their value and gradient methods.
 */
class LanguageModelsTest {

    static Stream<Arguments> models() {
        return Stream.of(
                f("softmaxRegression", "X 8x3, W 3x4, b 1x4, Y 8x4 mask", "W", "b"),
                f("denseLayer", "W 4x3, b 4x1, X 3x6, Y 4x6", "W", "b"),
                f("huberRegression", "A 9x3, x 3x1, b 9x1, delta", "x", "delta"),
                f("lasso", "A 7x4, x 4x1, b 7x1, lambda", "x"),
                f("meanSquaredError", "A 6x3, x 3x1, b 6x1", "x"),
                f("gaussianProcess", "X 6x2, y 6x1, ell, noise", "ell", "noise", "X"),
                f("reprojection", "R 3x3, t 3x1, p 3x1 positive, u, v", "p", "t"),
                f("attention", "Q 5x4, K 6x4, V 6x3, W 5x3", "Q", "K", "V"),
                f("blocks", "A 3x3, W 6x3", "A"),
                f("kronecker", "A 2x3, B 3x2, W 6x6", "A", "B"),
                f("entries", "A 3x4", "A"),
                f("logisticWithIntercept", "X 9x3, w 3x1, c, y 9x1 mask", "w", "c"),
                f("withDoubles", "A 3x4, s", "A", "s"),
                f("elementwise", "A 3x3, B 3x3, t", "A", "B", "t"),
                f("meanSquare", "r 5x2", "r"),
                f("helpers", "X 6x3, W 3x4, x 3x1, b 6x1", "W", "x"));
    }

    private static Arguments f(String function, String parameters, String... wrt) {
        return Arguments.of(function, parameters, wrt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void models(String function, String parameters, String[] wrt) {
        GradientHarness.check(LanguageModels.class, function, parameters, wrt);
    }
}
