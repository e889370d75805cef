package io.matgrad.processor.diff;

import static io.matgrad.processor.testing.IrFunctions.randomInputs;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Interner;
import io.matgrad.processor.ir.ShapeCheck;
import io.matgrad.processor.opt.Simplifier;
import io.matgrad.processor.testing.Evaluator;
import io.matgrad.runtime.GradientCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward mode on every fixture function: the directional derivative of the function, and of its
 * gradient (a Hessian-vector product), against central finite differences along a random
 * direction, evaluated by the reference interpreter.
 */
class ForwardModeTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.matgrad.processor.testing.IrFunctions#functions")
    void directionalDerivativesMatchFiniteDifferences(String name, Expr body, List<Expr.Variable> wrt) {
        for (long seed = 1; seed <= 2; seed++) {
            Random random = new Random(seed);
            Map<String, Object> inputs = randomInputs(random);
            for (Expr.Variable x : wrt) {
                Object v = x.shape().isScalar() ? (Object) (random.nextDouble() - 0.5) : randomLike((DMatrixRMaj) inputs.get(x.name()), random);
                Map<String, Object> withDirection = new HashMap<>(inputs);
                withDirection.put("v", v);
                Expr.Variable direction = new Expr.Variable("v", x.shape());
                Simplifier simplifier = new Simplifier(new Interner(), Set.of());

                Expr jvp = simplifier.simplify(ForwardMode.tangent(body, Map.of(x.name(), direction)));
                ShapeCheck.verify(jvp);
                double numeric = GradientCheck.numericalDerivative(t -> Evaluator.scalar(body, moved(inputs, x.name(), v, t)), 0);
                double error = GradientCheck.relativeError(numeric, Evaluator.scalar(jvp, withDirection));
                assertTrue(error < 1e-6, name + ": ∂f/∂" + x.name() + "[v] off by " + error);

                Expr gradient = ReverseMode.gradients(body, List.of(x)).get(x.name());
                Expr hessVec = simplifier.simplify(ForwardMode.tangent(gradient, Map.of(x.name(), direction)));
                ShapeCheck.verify(hessVec);
                if (x.shape().isScalar()) {
                    double fd = GradientCheck.numericalDerivative(
                            t -> Evaluator.scalar(gradient, moved(inputs, x.name(), v, t)), 0);
                    double err = GradientCheck.relativeError(fd, Evaluator.scalar(hessVec, withDirection));
                    assertTrue(err < 1e-6, name + ": ∂²f/∂" + x.name() + "² v off by " + err);
                } else {
                    DMatrixRMaj analytic = Evaluator.matrix(hessVec, withDirection);
                    DMatrixRMaj fd = new DMatrixRMaj(analytic.numRows, analytic.numCols);
                    for (int i = 0; i < fd.getNumElements(); i++) {
                        int entry = i;
                        fd.data[i] = GradientCheck.numericalDerivative(
                                t -> Evaluator.matrix(gradient, moved(inputs, x.name(), v, t)).data[entry], 0);
                    }
                    double err = GradientCheck.relativeError(fd, analytic);
                    assertTrue(err < 1e-6, name + ": H v for " + x.name() + " off by " + err);
                }
            }
        }
    }

    private static DMatrixRMaj randomLike(DMatrixRMaj m, Random random) {
        return RandomMatrices_DDRM.rectangle(m.numRows, m.numCols, -1, 1, random);
    }

    /** The inputs with {@code x} moved to {@code x + t v}. */
    private static Map<String, Object> moved(Map<String, Object> inputs, String x, Object v, double t) {
        Map<String, Object> moved = new HashMap<>(inputs);
        Object value = inputs.get(x);
        if (value instanceof Double d) {
            moved.put(x, d + t * (Double) v);
        } else {
            DMatrixRMaj m = ((DMatrixRMaj) value).copy();
            CommonOps_DDRM.addEquals(m, t, (DMatrixRMaj) v);
            moved.put(x, m);
        }
        return moved;
    }
}
