package io.matgrad.processor.testing;

import static io.matgrad.processor.testing.Ir.*;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.lang.ElementwiseFunction;
import io.matgrad.processor.lang.Reduction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Differentiable functions written directly in the IR, covering every node and rule, with random
 * inputs of fitting shapes: shared by the tests of the passes that need no parser.
 */
public final class IrFunctions {
    private IrFunctions() {}

    // A: m x n, x: n x 1, b: m x 1, S: n x n, B: n x k, W: m x n (like A), s, u: doubles
    public static final Expr.Variable A = matrix("A", rows("A"), cols("A"));
    public static final Expr.Variable W = matrix("W", rows("A"), cols("A"));
    public static final Expr.Variable x = matrix("x", cols("A"), Dim.ONE);
    public static final Expr.Variable y = matrix("y", cols("A"), Dim.ONE);
    public static final Expr.Variable b = matrix("b", rows("A"), Dim.ONE);
    public static final Expr.Variable S = matrix("S", cols("A"), cols("A"));
    public static final Expr.Variable B = matrix("B", cols("A"), cols("B"));
    public static final Expr.Variable s = scalar("s");
    public static final Expr.Variable u = scalar("u");

    /** Arguments (name, body, wrt variables). */
    public static Stream<Arguments> functions() {
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
                f("exp/log", sum(apply(ElementwiseFunction.LOG, add(apply(ElementwiseFunction.EXP, A), fill1(A)))), A),
                f("tanh layer", normSq(apply(ElementwiseFunction.TANH, mult(A, x))), A, x),
                f("sigmoid", sum(apply(ElementwiseFunction.SIGMOID, mult(A, x))), A, x),
                f("softplus", sum(apply(ElementwiseFunction.SOFTPLUS, mult(A, x))), x),
                f("square and sqrt", sum(apply(ElementwiseFunction.SQRT, add(apply(ElementwiseFunction.SQUARE, A), fill1(A)))), A),
                f("pow matrix", sum(pow(add(mul(A, A), fill1(A)), c(1.5))), A),
                f("pow with exponent variable", sum(pow(add(mul(A, A), fill1(A)), s)), A, s),
                f("scalar math", add(apply(ElementwiseFunction.EXP, mul(s, u)), mul(apply(ElementwiseFunction.TANH, s), apply(ElementwiseFunction.LOG, mul(u, u)))), s, u),
                f("inverse", dot(x, mult(inv(S), y)), S, x, y),
                f("solve", normSq(solve(S, B)), S, B),
                f("det", reduce(Reduction.DET, S), S),
                f("logDet of SPD-ish", reduce(Reduction.LOG_DET, add(mult(t(S), S), identity(S))), S),
                f("diag", dot(x, mult(diag(y), x)), x, y),
                f("norm", reduce(Reduction.NORM, sub(mult(A, x), b)), A, x),
                f("logSumExp", reduce(Reduction.LOG_SUM_EXP, mult(A, x)), A, x),
                f("logistic loss", sum(sub(apply(ElementwiseFunction.SOFTPLUS, mult(A, x)), mul(b, mult(A, x)))), x),
                f("two-layer tanh network", normSq(sub(mult(W, apply(ElementwiseFunction.TANH, mult(S, x))), b)), W, S),
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

    /** Every variable of the fixture, in a fixed order: the parameters of a generated method. */
    public static final List<Expr.Variable> ALL = List.of(A, W, x, y, b, S, B, s, u);

    /** A is 4 x 3, so x, y are 3 x 1, b is 4 x 1, S is 3 x 3 (well conditioned), B is 3 x 2. */
    public static Map<String, Object> randomInputs(Random random) {
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
