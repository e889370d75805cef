package io.matgrad.processor.diff;

import static io.matgrad.processor.testing.IrFunctions.randomInputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Interner;
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
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every differentiation rule, on the IR directly: the gradient expression (derived, then
 * simplified) evaluated by the reference interpreter, against central finite differences of the
 * function evaluated by the same interpreter, on random inputs with several seeds.
 */
class ReverseModeTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.matgrad.processor.testing.IrFunctions#functions")
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

}
