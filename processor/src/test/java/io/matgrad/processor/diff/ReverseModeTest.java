package io.matgrad.processor.diff;

import static io.matgrad.processor.testing.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Fn;
import io.matgrad.processor.ir.Interner;
import io.matgrad.processor.ir.Reduction;
import io.matgrad.processor.ir.ShapeCheck;
import io.matgrad.processor.opt.Simplifier;
import io.matgrad.processor.testing.Evaluator;
import io.matgrad.runtime.GradientCheck;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every differentiation rule, on the IR directly: the gradient expression (derived, then
 * simplified) evaluated by the reference interpreter, against central finite differences of the
 * function evaluated by the same interpreter, on random inputs with several seeds.
 */
class ReverseModeTest {
    // A: m x n, x: n x 1, b: m x 1, S: n x n, B: n x k, W: m x n (like A), s, u: doubles
    static final Expr.Variable A = matrix("A", rows("A"), cols("A"));
    static final Expr.Variable W = matrix("W", rows("A"), cols("A"));
    static final Expr.Variable x = matrix("x", cols("A"), Dim.ONE);
    static final Expr.Variable y = matrix("y", cols("A"), Dim.ONE);
    static final Expr.Variable b = matrix("b", rows("A"), Dim.ONE);
    static final Expr.Variable S = matrix("S", cols("A"), cols("A"));
    static final Expr.Variable B = matrix("B", cols("A"), cols("B"));
    static final Expr.Variable s = scalar("s");
    static final Expr.Variable u = scalar("u");

    static Stream<Arguments> functions() {
        return Stream.of(
                f("least squares ‖Ax − b‖²", normSq(sub(mult(A, x), b)), x, A, b),
                f("dot(r, r)", dot(sub(mult(A, x), b), sub(mult(A, x), b)), x, A),
                f("xᵀSx", dot(x, mult(S, x)), x, S),
                f("ridge", add(normSq(sub(mult(A, x), b)), mul(s, normSq(x))), x, s),
                f("tr(AᵀW)", trace(mult(t(A), W)), A, W),
                f("sum(A ∘ W)", sum(mul(A, W)), A, W),
                f("s·sum(A)", mul(s, sum(A)), s, A),
                f("scale(s, A) dotted with W", dot(scale(s, A), W), s, A, W),
                f("neg and transpose", dot(neg(t(A)), t(W)), A, W),
                f("scalar arithmetic", div(mul(add(s, c(2)), sub(u, s)), add(mul(u, u), c(1))), s, u),
                f("negated scalar", neg(mul(s, mul(s, u))), s, u),
                f("tr(S S)", trace(mult(S, S)), S),
                f("‖AB‖² product chain", normSq(mult(A, B)), A, B),
                f("elementDiv", sum(div(A, add(mul(W, W), scale(c(1), fill1(A))))), A, W),
                f("exp/log", sum(apply(Fn.LOG, add(apply(Fn.EXP, A), fill1(A)))), A),
                f("tanh layer", normSq(apply(Fn.TANH, mult(A, x))), A, x),
                f("sigmoid", sum(apply(Fn.SIGMOID, mult(A, x))), A, x),
                f("softplus", sum(apply(Fn.SOFTPLUS, mult(A, x))), x),
                f("square and sqrt", sum(apply(Fn.SQRT, add(apply(Fn.SQUARE, A), fill1(A)))), A),
                f("pow matrix", sum(pow(add(mul(A, A), fill1(A)), c(1.5))), A),
                f("pow with exponent variable", sum(pow(add(mul(A, A), fill1(A)), s)), A, s),
                f("scalar math", add(apply(Fn.EXP, mul(s, u)), mul(apply(Fn.TANH, s), apply(Fn.LOG, mul(u, u)))), s, u),
                f("inverse", dot(x, mult(inv(S), y)), S, x, y),
                f("solve", normSq(solve(S, B)), S, B),
                f("det", reduce(Reduction.DET, S), S),
                f("logDet of SPD-ish", reduce(Reduction.LOG_DET, add(mult(t(S), S), identity(S))), S),
                f("diag", dot(x, mult(diag(y), x)), x, y),
                f("norm", reduce(Reduction.NORM, sub(mult(A, x), b)), A, x),
                f("logSumExp", reduce(Reduction.LOG_SUM_EXP, mult(A, x)), A, x),
                f("logistic loss", sum(sub(apply(Fn.SOFTPLUS, mult(A, x)), mul(b, mult(A, x)))), x),
                f("two-layer tanh network", normSq(sub(mult(W, apply(Fn.TANH, mult(S, x))), b)), W, S),
                f("product of inner products", mul(dot(x, y), dot(x, mult(S, y))), x, y, S));
    }

    private static Expr fill1(Expr like) {
        return new Expr.Fill(1, like.shape());
    }

    private static Expr identity(Expr like) {
        return new Expr.Identity(like.shape().rows());
    }

    private static Arguments f(String name, Expr body, Expr.Variable... wrt) {
        return Arguments.of(name, body, List.of(wrt));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void gradientMatchesFiniteDifferences(String name, Expr body, List<Expr.Variable> wrt) {
        ShapeCheck.verify(body);
        for (long seed = 1; seed <= 3; seed++) {
            Map<String, Object> inputs = randomInputs(new Random(seed));
            Interner interner = new Interner();
            Expr f = new Simplifier(interner, Set.of()).simplify(body);
            assertEquals(Evaluator.scalar(body, inputs), Evaluator.scalar(f, inputs), 1e-9 * (1 + Math.abs(Evaluator.scalar(body, inputs))),
                    "simplification changed the value");
            Set<Expr> available = Collections.newSetFromMap(new IdentityHashMap<>());
            available.addAll(Dag.postOrder(List.of(f)));
            Simplifier simplifier = new Simplifier(interner, available);
            Map<String, Expr> gradients = ReverseMode.gradients(f, wrt);
            for (Expr.Variable v : wrt) {
                Expr raw = gradients.get(v.name());
                Expr gradient = simplifier.simplify(raw);
                ShapeCheck.verify(raw);
                ShapeCheck.verify(gradient);
                assertEquals(v.shape(), gradient.shape(), "gradient is shaped like " + v.name());
                checkAgainstFiniteDifferences(body, v, gradient, inputs, name + " seed " + seed);
                checkAgainstFiniteDifferences(body, v, raw, inputs, name + " (unsimplified) seed " + seed);
            }
        }
    }

    private static void checkAgainstFiniteDifferences(Expr body, Expr.Variable v, Expr gradient,
            Map<String, Object> inputs, String what) {
        if (v.shape().isScalar()) {
            double analytic = Evaluator.scalar(gradient, inputs);
            double numeric = GradientCheck.numericalDerivative(t -> Evaluator.scalar(body, with(inputs, v.name(), t)),
                    (Double) inputs.get(v.name()));
            double error = GradientCheck.relativeError(numeric, analytic);
            assertTrue(error < 1e-6, what + ": ∂f/∂" + v.name() + " = " + analytic + " but finite differences give "
                    + numeric + " (relative error " + error + ")");
        } else {
            DMatrixRMaj analytic = Evaluator.matrix(gradient, inputs);
            GradientCheck.check(m -> Evaluator.scalar(body, with(inputs, v.name(), m)), analytic,
                    (DMatrixRMaj) inputs.get(v.name())).requireBelow(1e-6);
        }
    }

    private static Map<String, Object> with(Map<String, Object> inputs, String name, Object value) {
        Map<String, Object> changed = new HashMap<>(inputs);
        changed.put(name, value);
        return changed;
    }

    /** A is 4 x 3, so x, y are 3 x 1, b is 4 x 1, S is 3 x 3 (well conditioned), B is 3 x 2. */
    static Map<String, Object> randomInputs(Random random) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("A", RandomMatrices_DDRM.rectangle(4, 3, -1, 1, random));
        inputs.put("W", RandomMatrices_DDRM.rectangle(4, 3, -1, 1, random));
        inputs.put("x", RandomMatrices_DDRM.rectangle(3, 1, -1, 1, random));
        inputs.put("y", RandomMatrices_DDRM.rectangle(3, 1, -1, 1, random));
        inputs.put("b", RandomMatrices_DDRM.rectangle(4, 1, -1, 1, random));
        DMatrixRMaj S = RandomMatrices_DDRM.rectangle(3, 3, -1, 1, random);
        CommonOps_DDRM.addEquals(S, 3, CommonOps_DDRM.identity(3));
        inputs.put("S", S);
        inputs.put("B", RandomMatrices_DDRM.rectangle(3, 2, -1, 1, random));
        inputs.put("s", 0.5 + random.nextDouble());
        inputs.put("u", 0.5 + random.nextDouble());
        return inputs;
    }
}
