package io.matgrad.processor.diff;

import static io.matgrad.processor.testing.Ir.*;
import static io.matgrad.processor.testing.IrFunctions.A;
import static io.matgrad.processor.testing.IrFunctions.S;
import static io.matgrad.processor.testing.IrFunctions.b;
import static io.matgrad.processor.testing.IrFunctions.randomInputs;
import static io.matgrad.processor.testing.IrFunctions.s;
import static io.matgrad.processor.testing.IrFunctions.x;
import static io.matgrad.processor.testing.IrFunctions.y;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.lang.ElementwiseFunction;
import io.matgrad.processor.ir.Interner;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.lang.Reduction;
import io.matgrad.processor.ir.ShapeCheck;
import io.matgrad.processor.opt.Simplifier;
import io.matgrad.processor.testing.Evaluator;
import io.matgrad.runtime.GradientCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Symbolic Jacobians of vector functions, and symbolic Hessians (Jacobians of gradients), against
 * central finite differences; and the closed forms the seeds give for two classic Hessians.
 */
class JacobianModeTest {

    static Stream<Arguments> vectorFunctions() {
        Expr z = mult(A, x);
        return Stream.of(
                Arguments.of("Ax − b", sub(z, b)),
                Arguments.of("tanh(Ax)", apply(ElementwiseFunction.TANH, z)),
                Arguments.of("σ(Ax) ∘ b", mul(apply(ElementwiseFunction.SIGMOID, z), b)),
                Arguments.of("s x + x ∘ x", add(scale(s, x), mul(x, x))),
                Arguments.of("diag(y) x", mult(diag(y), x)),
                Arguments.of("x ⊘ (𝟏 + x ∘ x)", div(x, add(new Expr.Fill(1, x.shape()), mul(x, x)))),
                Arguments.of("softmax(Ax)", apply(ElementwiseFunction.EXP, sub(z, scale(reduce(Reduction.LOG_SUM_EXP, z), new Expr.Fill(1, b.shape()))))),
                Arguments.of("S⁻¹x (solve)", solve(S, x)),
                Arguments.of("x / ‖x‖", scale(div(c(1), reduce(Reduction.NORM, x)), x)),
                Arguments.of("(xᵀy) Ax", scale(dot(x, y), z)),
                Arguments.of("Aᵀ tanh(Ax)", mult(t(A), apply(ElementwiseFunction.TANH, z))),
                Arguments.of("exp of (xᵀS) as a column", t(apply(ElementwiseFunction.EXP, mult(t(x), S)))),
                Arguments.of("pow", pow(add(mul(x, x), new Expr.Fill(1, x.shape())), c(1.5))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorFunctions")
    void jacobianMatchesFiniteDifferences(String name, Expr f) {
        Optional<Expr> jacobian = JacobianMode.jacobian(f, x);
        assertTrue(jacobian.isPresent(), name + " has a symbolic Jacobian");
        Expr j = new Simplifier(new Interner(), Set.of()).simplify(jacobian.get());
        ShapeCheck.verify(j);
        for (long seed = 1; seed <= 3; seed++) {
            Map<String, Object> inputs = randomInputs(new Random(seed));
            DMatrixRMaj numeric = GradientCheck.numericalJacobian(v -> Evaluator.matrix(f, with(inputs, "x", v)),
                    (DMatrixRMaj) inputs.get("x"));
            double error = GradientCheck.relativeError(numeric, Evaluator.matrix(j, inputs));
            assertTrue(error < 1e-6, name + ": J = " + Notation.format(j) + " off by " + error);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.matgrad.processor.testing.IrFunctions#functions")
    void hessianOfEveryFixtureWithAVectorArgument(String name, Expr body, List<Expr.Variable> wrt) {
        for (Expr.Variable v : wrt) {
            if (!v.shape().isColumnVector()) {
                continue;
            }
            Expr gradient = ReverseMode.gradients(body, List.of(v)).get(v.name());
            Optional<Expr> hessian = JacobianMode.jacobian(gradient, v);
            if (hessian.isEmpty()) {
                continue; // a matrix-valued node depends on v: the generated code goes column by column
            }
            Expr h = new Simplifier(new Interner(), Set.of()).simplify(hessian.get());
            ShapeCheck.verify(h);
            for (long seed = 1; seed <= 2; seed++) {
                Map<String, Object> inputs = randomInputs(new Random(seed));
                DMatrixRMaj numeric = GradientCheck.numericalJacobian(
                        p -> Evaluator.matrix(gradient, with(inputs, v.name(), p)), (DMatrixRMaj) inputs.get(v.name()));
                double error = GradientCheck.relativeError(numeric, Evaluator.matrix(h, inputs));
                assertTrue(error < 1e-6, name + ": H = " + Notation.format(h) + " off by " + error);
            }
        }
    }

    @Test
    void hessianOfAQuadraticFormIsSPlusItsTranspose() {
        Expr f = dot(x, mult(S, x));
        Expr h = hessian(f);
        assertEquals("S + Sᵀ", Notation.format(h));
    }

    @Test
    void hessianOfLogisticLossIsAWeightedGramMatrix() {
        Expr z = mult(A, x);
        Expr f = sum(sub(apply(ElementwiseFunction.SOFTPLUS, z), mul(b, z)));
        assertEquals("Aᵀ diag(σ(Ax) ∘ (𝟏 − σ(Ax))) A", Notation.format(hessian(f)));
    }

    private static Expr hessian(Expr f) {
        Interner interner = new Interner();
        Expr gradient = new Simplifier(interner, Set.of()).simplify(ReverseMode.gradients(f, List.of(x)).get("x"));
        return new Simplifier(interner, Set.of()).simplify(JacobianMode.jacobian(gradient, x).orElseThrow());
    }

    private static Map<String, Object> with(Map<String, Object> inputs, String name, Object value) {
        Map<String, Object> changed = new HashMap<>(inputs);
        changed.put(name, value);
        return changed;
    }
}
