package io.matgrad.tests;

import static io.matgrad.tests.GradientHarness.capitalize;
import static io.matgrad.tests.GradientHarness.generatedClass;
import static io.matgrad.tests.GradientHarness.invokeUnmodified;
import static io.matgrad.tests.GradientHarness.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scale safety (issue 16, item 11): the generated gradient, Hessian and Hessian-vector product of
 * every function of the table ({@link Magnitudes}), at arguments of magnitude 1e-300 to 1e300,
 * against closed forms computed here without over- or underflow. Entry by entry:
 * <ul>
 *   <li>where the exact derivative is a normal double, the generated one agrees to {@value #TOLERANCE}
 *       of the largest exact entry (a normwise relative error: cancellation, as in {@code I − uuᵀ},
 *       may leave single entries small);
 *   <li>where it is below the normal doubles, it is within {@link Double#MIN_NORMAL} of it;
 *   <li>where it overflows, the generated entry is not finite either (±Infinity, or NaN where two
 *       overflowing terms meet).
 * </ul>
 * Before the fix, {@code norm}'s Hessian at x = (3e150, 4e150) was wrong and finite, at
 * (3e155, 4e155) NaN and at (3e-160, 4e-160) −Infinity: the code formed ‖x‖³ and xxᵀ.
 */
class MagnitudesTest {
    /** Closed forms and generated code round differently: a few ulps, far from what a lost power costs. */
    private static final double TOLERANCE = 1e-12;
    /** From near the bottom of the normal doubles (2.2e-308) to near the top (1.8e308). */
    private static final double[] MAGNITUDES = {1e-300, 1e-160, 1e-100, 1, 1e100, 1e150, 1e155, 1e300};
    private static final Class<?> GENERATED = generatedClass(Magnitudes.class);
    private static final int N = 3;

    // ---------------------------------------------------------------- norm, at the points

    /** x = (3, 4) s: ‖x‖ = 5s, u = (0.6, 0.8), H = (I − uuᵀ) / 5s = [[0.128, −0.096], [−0.096, 0.072]] / s. */
    @ParameterizedTest(name = "x = (3, 4) × {0}")
    @ValueSource(doubles = {1, 1e150, 1e155, 1e-160, 1e-300, 1e300})
    void normAtThreeFour(double s) {
        DMatrixRMaj x = column(3 * s, 4 * s);
        DMatrixRMaj v = column(1, 2);
        String at = " at (3, 4) × " + s;
        assertEquals(5 * s, (double) invokeUnmodified(method(Magnitudes.class, "normOf"), new Object[] {x}, null), 5 * s * TOLERANCE);
        agrees("∇‖x‖" + at, column(0.6, 0.8), gradient("normOf", "x", x));
        agrees("∇²‖x‖" + at, scaled(1 / s, new DMatrixRMaj(new double[][] {{0.128, -0.096}, {-0.096, 0.072}})),
                hessian("normOf", "x", x));
        // H v = (v − (uᵀv) u) / 5s = ((1, 2) − 2.2 (0.6, 0.8)) / 5s = (−0.064, 0.048) / s
        agrees("∇²‖x‖ v" + at, scaled(1 / s, column(-0.064, 0.048)), hessVec("normOf", "x", v, x));
    }

    // ---------------------------------------------------------------- reductions

    static Stream<Arguments> magnitudes() {
        return Stream.of(1e-300, 1e-160, 1e-100, 1.0, 1e100, 1e150, 1e155, 1e300).map(Arguments::of);
    }

    /** ∇‖x‖ = u = x / ‖x‖, ∇²‖x‖ = (I − uuᵀ) / ‖x‖, with ‖x‖ = s‖b‖ for x = sb. */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("magnitudes")
    void norm(double s) {
        DMatrixRMaj b = base("normOf", N, 1, false);
        DMatrixRMaj x = scaled(s, b);
        DMatrixRMaj v = direction("normOf", N, 1);
        double nb = Math.sqrt(inner(b, b));
        DMatrixRMaj u = scaled(1 / nb, b);
        DMatrixRMaj projection = CommonOps_DDRM.identity(N);
        CommonOps_DDRM.multAddTransB(-1, u, u, projection);
        String at = " at " + s;
        agrees("∇‖x‖" + at, u, gradient("normOf", "x", x));
        agrees("∇²‖x‖" + at, divided(divided(projection, nb), s), hessian("normOf", "x", x));
        agrees("∇²‖x‖ v" + at, divided(divided(CommonOps_DDRM.mult(projection, v, null), nb), s), hessVec("normOf", "x", v, x));
    }

    /** The Frobenius norm of a 2 x 3 matrix: ∇‖X‖ = X / ‖X‖. */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("magnitudes")
    void normOfAMatrix(double s) {
        DMatrixRMaj b = base("normOfMatrix", 2, 3, false);
        DMatrixRMaj X = scaled(s, b);
        agrees("∇‖X‖ at " + s, divided(b, Math.sqrt(inner(b, b))), gradient("normOfMatrix", "X", X));
    }

    /** ‖Ax‖: ∇ = Aᵀu, ∇² = Aᵀ(I − uuᵀ)A / ‖Ax‖, with u = Ab / ‖Ab‖ for x = sb. */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("magnitudes")
    void normOfAProduct(double s) {
        DMatrixRMaj A = direction("normOfProduct A", 4, N);
        DMatrixRMaj b = base("normOfProduct", N, 1, false);
        DMatrixRMaj x = scaled(s, b);
        DMatrixRMaj v = direction("normOfProduct", N, 1);
        DMatrixRMaj c = CommonOps_DDRM.mult(A, b, null);
        double nc = Math.sqrt(inner(c, c));
        DMatrixRMaj u = scaled(1 / nc, c);
        DMatrixRMaj projection = CommonOps_DDRM.identity(4);
        CommonOps_DDRM.multAddTransB(-1, u, u, projection);
        DMatrixRMaj h = CommonOps_DDRM.mult(CommonOps_DDRM.multTransA(A, projection, null), A, null);
        String at = " at " + s;
        agrees("∇‖Ax‖" + at, CommonOps_DDRM.multTransA(A, u, null), gradient("normOfProduct", "x", A, x));
        agrees("∇²‖Ax‖" + at, divided(divided(h, nc), s), hessian("normOfProduct", "x", A, x));
        agrees("∇²‖Ax‖ v" + at, divided(divided(CommonOps_DDRM.mult(h, v, null), nc), s),
                hessVec("normOfProduct", "x", v, A, x));
    }

    /**
     * ∇‖x‖² = 2x, ∇² = 2I: exact at every magnitude, though the value ‖x‖² itself overflows to
     * Infinity from |x| ~ 1e154 on (and underflows below 1e-154), as it must.
     */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("magnitudes")
    void normSq(double s) {
        DMatrixRMaj b = base("normSqOf", N, 1, false);
        DMatrixRMaj x = scaled(s, b);
        DMatrixRMaj v = direction("normSqOf", N, 1);
        String at = " at " + s;
        Object[] arguments = {x, new DMatrixRMaj(1, 1)};
        double value = (double) invokeUnmodified(method(GENERATED, "normSqOfValueAndGrad"), arguments, 1);
        DMatrixRMaj grad = (DMatrixRMaj) arguments[1];
        double exact = s * s * inner(b, b);
        if (Double.isInfinite(exact)) {
            assertEquals(Double.POSITIVE_INFINITY, value, "‖x‖² overflows" + at);
        } else if (exact >= Double.MIN_NORMAL) {
            assertEquals(exact, value, exact * TOLERANCE, "‖x‖²" + at);
        }
        agrees("∇‖x‖² (valueAndGrad)" + at, scaled(2, x), grad);
        agrees("∇‖x‖²" + at, scaled(2, x), gradient("normSqOf", "x", x));
        agrees("∇²‖x‖²" + at, scaled(2, CommonOps_DDRM.identity(N)), hessian("normSqOf", "x", x));
        agrees("∇²‖x‖² v" + at, scaled(2, v), hessVec("normSqOf", "x", v, x));
    }

    /** ∇ logsumexp = p = softmax(x), ∇² = diag(p) − ppᵀ, p computed shifted by the largest entry. */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("magnitudes")
    void logSumExp(double s) {
        DMatrixRMaj x = scaled(s, base("logSumExpOf", N, 1, false));
        DMatrixRMaj v = direction("logSumExpOf", N, 1);
        double max = CommonOps_DDRM.elementMax(x);
        DMatrixRMaj p = new DMatrixRMaj(N, 1);
        double total = 0;
        for (int i = 0; i < N; i++) {
            p.data[i] = Math.exp(x.data[i] - max);
            total += p.data[i];
        }
        CommonOps_DDRM.divide(p, total);
        DMatrixRMaj h = CommonOps_DDRM.diag(p.data);
        CommonOps_DDRM.multAddTransB(-1, p, p, h);
        String at = " at " + s;
        agrees("∇ logsumexp" + at, p, gradient("logSumExpOf", "x", x));
        agrees("∇² logsumexp" + at, h, hessian("logSumExpOf", "x", x));
        agrees("∇² logsumexp v" + at, CommonOps_DDRM.mult(h, v, null), hessVec("logSumExpOf", "x", v, x));
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("magnitudes")
    void sumAndTrace(double s) {
        DMatrixRMaj x = scaled(s, base("sumOf", N, 1, false));
        DMatrixRMaj X = scaled(s, base("traceOf", N, N, false));
        String at = " at " + s;
        agrees("∇ sum" + at, filled(N, 1, 1), gradient("sumOf", "x", x));
        agrees("∇² sum" + at, new DMatrixRMaj(N, N), hessian("sumOf", "x", x));
        agrees("∇ tr" + at, CommonOps_DDRM.identity(N), gradient("traceOf", "X", X));
        agrees("∇² tr" + at, new DMatrixRMaj(N * N, N * N), hessian("traceOf", "X", X));
    }

    /**
     * X = sM (2 x 2), W = M⁻¹: ∇ log|det X| = Wᵀ / s; ∂²/∂X_ij ∂X_kl = −W_li W_jk / s²; H[V] = −WᵀVᵀWᵀ / s².
     * Exact where 1/s² is a normal double (it overflows at 1e-160 and 1e-300, as it must).
     */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("magnitudes")
    void logDet(double s) {
        DMatrixRMaj M = new DMatrixRMaj(new double[][] {{2, 0.5}, {-0.3, 1.5}});
        DMatrixRMaj W = inverse(M);
        DMatrixRMaj X = scaled(s, M);
        DMatrixRMaj V = direction("logDetOf", 2, 2);
        DMatrixRMaj h = new DMatrixRMaj(4, 4);
        forEachPair(2, (i, j, k, l) -> h.set(i + 2 * j, k + 2 * l, -W.get(l, i) * W.get(j, k) / s / s));
        DMatrixRMaj product = CommonOps_DDRM.mult(CommonOps_DDRM.multTransAB(W, V, null), CommonOps_DDRM.transpose(W, null), null);
        String at = " at " + s;
        agrees("∇ log det" + at, divided(CommonOps_DDRM.transpose(W, null), s), gradient("logDetOf", "X", X));
        agrees("∇² log det" + at, h, hessian("logDetOf", "X", X));
        agrees("∇² log det V" + at, divided(divided(scaled(-1, product), s), s), hessVec("logDetOf", "X", V, X));
    }

    /**
     * X = sM (2 x 2): ∇ det X = det(X) X⁻ᵀ = s det(M) Wᵀ; ∂²/∂X_ij ∂X_kl = det(M) (W_ji W_lk − W_li W_jk).
     * det(X) is a product of pivots and its derivatives are multiples of it: they are checked where
     * det(X) = s² det(M) is a normal double (beyond, they overflow or underflow with it; logDet does not).
     */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("magnitudes")
    void det(double s) {
        DMatrixRMaj M = new DMatrixRMaj(new double[][] {{2, 0.5}, {-0.3, 1.5}});
        double detM = CommonOps_DDRM.det(M);
        double detX = s * s * detM;
        if (Double.isInfinite(detX) || detX < Double.MIN_NORMAL) {
            return;
        }
        DMatrixRMaj W = inverse(M);
        DMatrixRMaj X = scaled(s, M);
        DMatrixRMaj V = direction("detOf", 2, 2);
        DMatrixRMaj h = new DMatrixRMaj(4, 4);
        forEachPair(2, (i, j, k, l) -> h.set(i + 2 * j, k + 2 * l, detM * (W.get(j, i) * W.get(l, k) - W.get(l, i) * W.get(j, k))));
        DMatrixRMaj wt = CommonOps_DDRM.transpose(W, null);
        DMatrixRMaj product = scaled(inner(wt, V), wt);
        CommonOps_DDRM.subtractEquals(product, CommonOps_DDRM.mult(CommonOps_DDRM.multTransAB(W, V, null), wt, null));
        String at = " at " + s;
        agrees("∇ det" + at, scaled(s, scaled(detM, wt)), gradient("detOf", "X", X));
        agrees("∇² det" + at, h, hessian("detOf", "X", X));
        agrees("∇² det V" + at, scaled(detM, product), hessVec("detOf", "X", V, X));
    }

    // ---------------------------------------------------------------- elementwise functions, summed

    /** One elementwise function: where it is defined, its first and second derivatives. */
    private record Elementwise(String model, boolean positive, DoubleUnaryOperator first, DoubleUnaryOperator second) {
        @Override
        public String toString() {
            return model;
        }
    }

    static Stream<Arguments> elementwise() {
        List<Elementwise> functions = List.of(
                new Elementwise("sumOfExp", false, Math::exp, Math::exp),
                new Elementwise("sumOfLog", true, x -> 1 / x, x -> -(1 / x) / x),
                new Elementwise("sumOfTanh", false, MagnitudesTest::sech2, x -> -2 * Math.tanh(x) * sech2(x)),
                new Elementwise("sumOfSigmoid", false, x -> sigmoid(x) * sigmoid(-x),
                        // σ'' = σ(x)σ(−x)(1 − 2σ(x)), and 1 − 2σ(x) = −tanh(x / 2)
                        x -> -sigmoid(x) * sigmoid(-x) * Math.tanh(x / 2)),
                new Elementwise("sumOfSoftplus", false, MagnitudesTest::sigmoid, x -> sigmoid(x) * sigmoid(-x)),
                new Elementwise("sumOfSquare", false, x -> 2 * x, x -> 2),
                new Elementwise("sumOfSqrt", true, x -> 0.5 / Math.sqrt(x), x -> -0.25 / Math.sqrt(x) / x),
                new Elementwise("sumOfAbs", false, Math::signum, x -> 0),
                new Elementwise("sumOfSign", false, x -> 0, x -> 0),
                new Elementwise("sumOfRelu", false, x -> x > 0 ? 1 : 0, x -> 0),
                new Elementwise("sumOfHeaviside", false, x -> 0, x -> 0),
                new Elementwise("sumOfSin", false, Math::cos, x -> -Math.sin(x)),
                new Elementwise("sumOfCos", false, x -> -Math.sin(x), x -> -Math.cos(x)),
                new Elementwise("sumOfLog1p", true, x -> 1 / (1 + x), x -> -(1 / (1 + x)) / (1 + x)),
                new Elementwise("sumOfExpm1", false, Math::exp, Math::exp),
                new Elementwise("sumOfCube", true, x -> 3 * x * x, x -> 6 * x),
                new Elementwise("sumOfInverseRootCube", true, x -> -1.5 * Math.pow(x, -2.5), x -> 3.75 * Math.pow(x, -3.5)));
        List<Arguments> cases = new ArrayList<>();
        for (Elementwise f : functions) {
            for (double s : MAGNITUDES) {
                cases.add(Arguments.of(f, s));
            }
        }
        return cases.stream();
    }

    /** Σ f(x): the gradient f'(x), the Hessian diag(f''(x)), the product f''(x) ∘ v. */
    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("elementwise")
    void elementwiseFunctions(Elementwise f, double s) {
        DMatrixRMaj x = scaled(s, base(f.model(), N, 1, f.positive()));
        DMatrixRMaj v = direction(f.model(), N, 1);
        DMatrixRMaj first = x.createLike();
        DMatrixRMaj second = new DMatrixRMaj(N, N);
        DMatrixRMaj product = x.createLike();
        for (int i = 0; i < N; i++) {
            first.data[i] = f.first().applyAsDouble(x.data[i]);
            second.set(i, i, f.second().applyAsDouble(x.data[i]));
            product.data[i] = second.get(i, i) * v.data[i];
        }
        String at = " at " + s;
        agrees(f.model() + ": gradient" + at, first, gradient(f.model(), "x", x));
        // σ'' = σ(1 − σ)(1 − 2σ), as the table differentiates σ, is exact to rounding but cancels
        // where σ(x) rounds to 1/2 (|x| < 1e-16): there it is checked against the scale of σ', 1/4
        double floor = f.model().equals("sumOfSigmoid") ? 0.25 : 0;
        agrees(f.model() + ": Hessian" + at, second, hessian(f.model(), "x", x), floor);
        agrees(f.model() + ": Hessian-vector product" + at, product, hessVec(f.model(), "x", v, x), floor);
    }

    /** Σ x^p in the exponent p = 2: Σ x^p log x and Σ x^p log² x, for x > 0. */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("magnitudes")
    void powerInItsExponent(double s) {
        DMatrixRMaj x = scaled(s, base("sumOfPowerInExponent", N, 1, true));
        double first = 0;
        double second = 0;
        for (double e : x.data) {
            double log = Math.log(e);
            first += e * e * log;
            second += e * e * log * log;
        }
        String at = " at " + s;
        agrees("∂/∂p Σ x^p" + at, column(first), gradient("sumOfPowerInExponent", "p", x, 2.0));
        agrees("∂²/∂p² Σ x^p" + at, column(second), hessian("sumOfPowerInExponent", "p", x, 2.0));
    }

    /** Σ y ⊘ x: −y ⊘ x² and 2y ⊘ x³, as quotients ((y / x) / x) / x. */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("magnitudes")
    void quotientRule(double s) {
        DMatrixRMaj x = scaled(s, base("sumOfQuotient", N, 1, false));
        DMatrixRMaj y = direction("sumOfQuotient y", N, 1);
        DMatrixRMaj v = direction("sumOfQuotient", N, 1);
        DMatrixRMaj first = x.createLike();
        DMatrixRMaj second = new DMatrixRMaj(N, N);
        DMatrixRMaj product = x.createLike();
        for (int i = 0; i < N; i++) {
            double q = y.data[i] / x.data[i] / x.data[i];
            first.data[i] = -q;
            second.set(i, i, 2 * q / x.data[i]);
            product.data[i] = second.get(i, i) * v.data[i];
        }
        String at = " at " + s;
        agrees("∇ Σ y ⊘ x" + at, first, gradient("sumOfQuotient", "x", x, y));
        agrees("∇² Σ y ⊘ x" + at, second, hessian("sumOfQuotient", "x", x, y));
        agrees("∇² Σ y ⊘ x v" + at, product, hessVec("sumOfQuotient", "x", v, x, y));
    }

    /** Σ max(x, y) and Σ min(x, c): a selection of ones, and no curvature. */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("magnitudes")
    void extrema(double s) {
        DMatrixRMaj x = scaled(s, base("sumOfMaximum", N, 1, false));
        DMatrixRMaj y = scaled(s, base("sumOfMaximum y", N, 1, false));
        double c = 0.25 * s;
        DMatrixRMaj max = x.createLike();
        DMatrixRMaj min = x.createLike();
        for (int i = 0; i < N; i++) {
            max.data[i] = x.data[i] > y.data[i] ? 1 : 0;
            min.data[i] = x.data[i] < c ? 1 : 0;
        }
        String at = " at " + s;
        agrees("∇ Σ max(x, y)" + at, max, gradient("sumOfMaximum", "x", x, y));
        agrees("∇² Σ max(x, y)" + at, new DMatrixRMaj(N, N), hessian("sumOfMaximum", "x", x, y));
        agrees("∇ Σ min(x, c)" + at, min, gradient("sumOfMinimum", "x", x, c));
        agrees("∇² Σ min(x, c)" + at, new DMatrixRMaj(N, N), hessian("sumOfMinimum", "x", x, c));
    }

    // ---------------------------------------------------------------- matrix algebra

    /** xᵀAx: (A + Aᵀ)x and A + Aᵀ; bᵀS⁻¹b with S = sM: 2M⁻¹b / s and 2M⁻¹ / s. */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("magnitudes")
    void quadraticForms(double s) {
        DMatrixRMaj A = direction("quadraticForm A", N, N);
        DMatrixRMaj x = scaled(s, base("quadraticForm", N, 1, false));
        DMatrixRMaj v = direction("quadraticForm", N, 1);
        DMatrixRMaj symmetric = CommonOps_DDRM.add(A, CommonOps_DDRM.transpose(A, null), null);
        String at = " at " + s;
        agrees("∇ xᵀAx" + at, CommonOps_DDRM.mult(symmetric, x, null), gradient("quadraticForm", "x", A, x));
        agrees("∇² xᵀAx" + at, symmetric, hessian("quadraticForm", "x", A, x));
        agrees("∇² xᵀAx v" + at, CommonOps_DDRM.mult(symmetric, v, null), hessVec("quadraticForm", "x", v, A, x));

        DMatrixRMaj M = new DMatrixRMaj(new double[][] {{4, 1, 0.5}, {1, 3, -0.5}, {0.5, -0.5, 2}});
        DMatrixRMaj inverse = inverse(M);
        DMatrixRMaj S = scaled(s, M);
        DMatrixRMaj b = direction("inverseQuadraticForm", N, 1);
        agrees("∇ bᵀS⁻¹b" + at, divided(scaled(2, CommonOps_DDRM.mult(inverse, b, null)), s),
                gradient("inverseQuadraticForm", "b", S, b));
        agrees("∇² bᵀS⁻¹b" + at, divided(scaled(2, inverse), s), hessian("inverseQuadraticForm", "b", S, b));
        agrees("∇² bᵀS⁻¹b v" + at, divided(scaled(2, CommonOps_DDRM.mult(inverse, v, null)), s),
                hessVec("inverseQuadraticForm", "b", v, S, b));
    }

    // ---------------------------------------------------------------- doubles

    static Stream<Arguments> doubles() {
        List<Elementwise> functions = List.of(
                new Elementwise("mathExp", false, Math::exp, Math::exp),
                new Elementwise("mathLog", true, x -> 1 / x, x -> -(1 / x) / x),
                new Elementwise("mathSqrt", true, x -> 0.5 / Math.sqrt(x), x -> -0.25 / Math.sqrt(x) / x),
                new Elementwise("mathTanh", false, MagnitudesTest::sech2, x -> -2 * Math.tanh(x) * sech2(x)),
                new Elementwise("mathLog1p", true, x -> 1 / (1 + x), x -> -(1 / (1 + x)) / (1 + x)),
                new Elementwise("mathExpm1", false, Math::exp, Math::exp),
                new Elementwise("mathSin", false, Math::cos, x -> -Math.sin(x)),
                new Elementwise("mathCos", false, x -> -Math.sin(x), x -> -Math.cos(x)),
                new Elementwise("mathAbs", false, Math::signum, x -> 0),
                new Elementwise("mathSignum", false, x -> 0, x -> 0),
                new Elementwise("mathPow", true, x -> -1.5 * Math.pow(x, -2.5), x -> 3.75 * Math.pow(x, -3.5)));
        List<Arguments> cases = new ArrayList<>();
        for (Elementwise f : functions) {
            for (double s : MAGNITUDES) {
                cases.add(Arguments.of(f, s));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("doubles")
    void functionsOfADouble(Elementwise f, double s) {
        double x = s * base(f.model(), 1, 1, f.positive()).data[0];
        String at = " at " + x;
        agrees(f.model() + ": derivative" + at, column(f.first().applyAsDouble(x)), gradient(f.model(), "x", x));
        agrees(f.model() + ": second derivative" + at, column(f.second().applyAsDouble(x)), hessian(f.model(), "x", x));
    }

    /** y / x: −(y / x) / x and 2((y / x) / x) / x; Math.max and Math.min select. */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("magnitudes")
    void quotientAndExtremaOfDoubles(double s) {
        double x = -1.3 * s;
        double y = 0.7;
        double q = y / x / x;
        String at = " at " + x;
        agrees("∂(y / x)/∂x" + at, column(-q), gradient("quotient", "x", x, y));
        agrees("∂²(y / x)/∂x²" + at, column(2 * q / x), hessian("quotient", "x", x, y));
        agrees("∂ max(x, c)/∂x" + at, column(0), gradient("mathMax", "x", x, 0.5 * s));
        agrees("∂ min(x, c)/∂x" + at, column(1), gradient("mathMin", "x", x, 0.5 * s));
        agrees("∂² min(x, c)/∂x²" + at, column(0), hessian("mathMin", "x", x, 0.5 * s));
    }

    /** The comparison can fail: a Hessian that lost its powers, as norm's did, is caught. */
    @Test
    void theComparisonCatchesWhatTheOldNormHessianComputed() {
        double s = 1e150;
        // −(s1³) xxᵀ + s1 I with s1 = 1/‖x‖: s1³ underflows to 0 and leaves s1 I
        double s1 = 1 / (5 * s);
        DMatrixRMaj old = CommonOps_DDRM.identity(2);
        CommonOps_DDRM.scale(s1, old);
        DMatrixRMaj exact = scaled(1 / s, new DMatrixRMaj(new double[][] {{0.128, -0.096}, {-0.096, 0.072}}));
        AssertionError e = assertThrows(AssertionError.class, () -> agrees("old", exact, old));
        assertTrue(e.getMessage().contains("old"), e.getMessage());
    }

    // ---------------------------------------------------------------- the comparison

    private static void agrees(String what, DMatrixRMaj exact, DMatrixRMaj generated) {
        agrees(what, exact, generated, 0);
    }

    /**
     * Entry by entry (see the class comment); {@code scale}, if larger than the largest exact entry,
     * is what errors are measured against instead.
     */
    private static void agrees(String what, DMatrixRMaj exact, DMatrixRMaj generated, double scale) {
        assertEquals(exact.numRows, generated.numRows, what + ": rows");
        assertEquals(exact.numCols, generated.numCols, what + ": columns");
        double largest = scale;
        for (double e : exact.data) {
            if (Double.isNaN(e)) {
                throw new IllegalStateException(what + ": the closed form is NaN");
            }
            if (Double.isFinite(e)) {
                largest = Math.max(largest, Math.abs(e));
            }
        }
        for (int k = 0; k < exact.getNumElements(); k++) {
            double e = exact.data[k];
            double g = generated.data[k];
            String entry = what + ", entry " + k + ": generated " + g + ", exact " + e + "\ngenerated:\n" + generated
                    + "exact:\n" + exact;
            if (Double.isInfinite(e)) {
                assertTrue(!Double.isFinite(g), entry + " (the exact value overflows: so must the generated one)");
            } else {
                assertTrue(Math.abs(g - e) <= TOLERANCE * largest + Double.MIN_NORMAL, entry);
            }
        }
    }

    // ---------------------------------------------------------------- calls

    private static DMatrixRMaj gradient(String model, String x, Object... args) {
        return result(invokeUnmodified(method(GENERATED, model + "Grad" + capitalize(x)), args, null));
    }

    private static DMatrixRMaj hessian(String model, String x, Object... args) {
        return result(invokeUnmodified(method(GENERATED, model + "Hessian" + capitalize(x)), args, null));
    }

    private static DMatrixRMaj hessVec(String model, String x, DMatrixRMaj v, Object... args) {
        Object[] withDirection = new Object[args.length + 1];
        System.arraycopy(args, 0, withDirection, 0, args.length);
        withDirection[args.length] = v;
        return result(invokeUnmodified(method(GENERATED, model + "HessVec" + capitalize(x)), withDirection, null));
    }

    private static DMatrixRMaj result(Object r) {
        return r instanceof Double d ? column(d) : (DMatrixRMaj) r;
    }

    // ---------------------------------------------------------------- points and closed forms

    /** A point of magnitude 1 (entries ±[0.5, 2], or positive), the same for a model at every magnitude. */
    private static DMatrixRMaj base(String model, int rows, int cols, boolean positive) {
        Random random = new Random(model.hashCode());
        DMatrixRMaj b = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < b.data.length; i++) {
            b.data[i] = (positive || random.nextBoolean() ? 1 : -1) * (0.5 + 1.5 * random.nextDouble());
        }
        return b;
    }

    /** Entries in [−1, 1]. */
    private static DMatrixRMaj direction(String model, int rows, int cols) {
        Random random = new Random(31L * model.hashCode() + 7);
        DMatrixRMaj d = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < d.data.length; i++) {
            d.data[i] = 2 * random.nextDouble() - 1;
        }
        return d;
    }

    /** Σ a_ij b_ij. */
    private static double inner(DMatrixRMaj a, DMatrixRMaj b) {
        double sum = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            sum += a.data[i] * b.data[i];
        }
        return sum;
    }

    private static DMatrixRMaj column(double... values) {
        return new DMatrixRMaj(values.length, 1, true, values);
    }

    private static DMatrixRMaj filled(int rows, int cols, double value) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        m.fill(value);
        return m;
    }

    private static DMatrixRMaj scaled(double alpha, DMatrixRMaj m) {
        DMatrixRMaj scaled = m.createLike();
        CommonOps_DDRM.scale(alpha, m, scaled);
        return scaled;
    }

    private static DMatrixRMaj divided(DMatrixRMaj m, double divisor) {
        DMatrixRMaj quotient = m.createLike();
        CommonOps_DDRM.divide(m, divisor, quotient);
        return quotient;
    }

    private static DMatrixRMaj inverse(DMatrixRMaj m) {
        DMatrixRMaj inverse = m.copy();
        assertTrue(CommonOps_DDRM.invert(inverse), "invertible");
        return inverse;
    }

    /** Every (i, j, k, l) of an n x n matrix's Hessian in vec order. */
    private static void forEachPair(int n, Quadruple body) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (int l = 0; l < n; l++) {
                        body.accept(i, j, k, l);
                    }
                }
            }
        }
    }

    private interface Quadruple {
        void accept(int i, int j, int k, int l);
    }

    /** 1 − tanh²(x), as (1 − t)(1 + t). */
    private static double sech2(double x) {
        double t = Math.tanh(x);
        return (1 - t) * (1 + t);
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
