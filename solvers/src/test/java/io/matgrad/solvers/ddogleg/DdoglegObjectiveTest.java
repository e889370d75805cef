package io.matgrad.solvers.ddogleg;

import static io.matgrad.solvers.Fixtures.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.solvers.Fixtures;
import io.matgrad.solvers.MatrixShape;
import io.matgrad.solvers.ProblemsGradients;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ddogleg.optimization.FactoryOptimization;
import org.ddogleg.optimization.UnconstrainedMinimization;
import org.ddogleg.optimization.UtilOptimize;
import org.ddogleg.optimization.functions.FunctionNtoN;
import org.ddogleg.optimization.functions.FunctionNtoS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DDogleg's minimizers, driven by generated gradients, arrive at minima known in closed form. */
class DdoglegObjectiveTest {
    private final Random random = new Random(20261125);

    static Stream<Arguments> minimizers() {
        return Stream.of(
                minimizer("BFGS with a line search", () -> FactoryOptimization.quasiNewtonBfgs(null)),
                minimizer("BFGS in a dogleg trust region", () -> FactoryOptimization.doglegBFGS(null)));
    }

    private static Arguments minimizer(String name, Supplier<UnconstrainedMinimization> factory) {
        return Arguments.of(name, factory);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimizers")
    void findsTheLeastSquaresSolution(String name, Supplier<UnconstrainedMinimization> factory) {
        Fixtures.LeastSquares p = Fixtures.LeastSquares.random(random);
        DdoglegObjective objective = DdoglegObjective.of(p.n(),
                (x, grad) -> ProblemsGradients.leastSquaresValueAndGrad(p.A(), x, p.b(), grad));
        assertNear(p.minimum(), minimize(factory.get(), objective, new double[p.n()]), 1e-7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimizers")
    void findsTheLogisticRegressionMinimum(String name, Supplier<UnconstrainedMinimization> factory) {
        Fixtures.Logistic p = Fixtures.Logistic.random(random);
        DdoglegObjective objective = DdoglegObjective.of(p.n(),
                (x, grad) -> ProblemsGradients.logisticValueAndGrad(p.A(), x, p.y(), grad));
        assertNear(p.minimum(), minimize(factory.get(), objective, new double[p.n()]), 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimizers")
    void minimizesOverAMatrixParameterInRowMajorOrder(String name, Supplier<UnconstrainedMinimization> factory) {
        Fixtures.MatrixLeastSquares p = Fixtures.MatrixLeastSquares.random(random);
        MatrixShape shape = MatrixShape.of(p.minimum().numRows, p.minimum().numCols);
        DdoglegObjective objective = DdoglegObjective.of(shape,
                (X, grad) -> ProblemsGradients.matrixLeastSquaresValueAndGrad(p.A(), X, p.B(), grad));
        assertNear(p.minimum(), minimize(factory.get(), objective, new double[shape.size()]), 1e-7);
    }

    @Test
    void oneGeneratedCallServesTheValueAndTheGradientAtAPoint() {
        Fixtures.Logistic p = Fixtures.Logistic.random(random);
        DdoglegObjective objective = DdoglegObjective.of(p.n(),
                (x, grad) -> ProblemsGradients.logisticValueAndGrad(p.A(), x, p.y(), grad));
        int[] requests = new int[1];
        FunctionNtoS value = new FunctionNtoS() {
            @Override
            public int getNumOfInputsN() {
                return p.n();
            }

            @Override
            public double process(double[] input) {
                requests[0]++;
                return objective.function().process(input);
            }
        };
        FunctionNtoN gradient = new FunctionNtoN() {
            @Override
            public int getN() {
                return p.n();
            }

            @Override
            public void process(double[] input, double[] output) {
                requests[0]++;
                objective.gradient().process(input, output);
            }
        };
        UnconstrainedMinimization bfgs = FactoryOptimization.quasiNewtonBfgs(null);
        bfgs.setFunction(value, gradient, 0);
        bfgs.initialize(new double[p.n()], 0, 1e-10);
        UtilOptimize.process(bfgs, 1000);
        assertNear(p.minimum(), bfgs.getParameters(), 1e-6);
        // DDogleg asks for f and ∇f at most trial points: the cache answers about half the requests
        assertTrue(objective.evaluations() < 0.75 * requests[0],
                objective.evaluations() + " evaluations for " + requests[0] + " requests");
    }

    @Test
    void reportsTheNumberOfParameters() {
        DdoglegObjective objective = DdoglegObjective.of(MatrixShape.of(3, 2), (x, grad) -> 0);
        assertEquals(6, objective.function().getNumOfInputsN());
        assertEquals(6, objective.gradient().getN());
    }

    /** Runs the minimizer from {@code start} until the gradient vanishes (to 1e-10) and returns where it stopped. */
    static double[] minimize(UnconstrainedMinimization minimizer, DdoglegObjective objective, double[] start) {
        minimizer.setFunction(objective.function(), objective.gradient(), 0);
        minimizer.initialize(start, 0, 1e-10);
        UtilOptimize.process(minimizer, 1000);
        assertTrue(minimizer.isConverged(), "did not converge in 1000 iterations");
        return minimizer.getParameters();
    }
}
