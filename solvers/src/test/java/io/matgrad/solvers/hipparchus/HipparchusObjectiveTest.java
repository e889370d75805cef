package io.matgrad.solvers.hipparchus;

import static io.matgrad.solvers.Fixtures.assertNear;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.solvers.Fixtures;
import io.matgrad.solvers.MatrixShape;
import io.matgrad.solvers.ProblemsGradients;
import java.util.Random;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer.Formula;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hipparchus's nonlinear conjugate gradient, driven by generated gradients, arrives at known minima. */
class HipparchusObjectiveTest {
    private final Random random = new Random(20261125);

    @ParameterizedTest
    @EnumSource(Formula.class)
    void conjugateGradientFindsTheLeastSquaresSolution(Formula formula) {
        Fixtures.LeastSquares p = Fixtures.LeastSquares.random(random);
        HipparchusObjective objective = HipparchusObjective.of(p.n(),
                (x, grad) -> ProblemsGradients.leastSquaresValueAndGrad(p.A(), x, p.b(), grad));
        assertNear(p.minimum(), minimize(formula, objective, new double[p.n()]), 1e-6);
    }

    @ParameterizedTest
    @EnumSource(Formula.class)
    void conjugateGradientFindsTheLogisticRegressionMinimum(Formula formula) {
        Fixtures.Logistic p = Fixtures.Logistic.random(random);
        HipparchusObjective objective = HipparchusObjective.of(p.n(),
                (x, grad) -> ProblemsGradients.logisticValueAndGrad(p.A(), x, p.y(), grad));
        assertNear(p.minimum(), minimize(formula, objective, new double[p.n()]), 1e-6);
        assertTrue(objective.evaluations() > 0);
    }

    @ParameterizedTest
    @EnumSource(Formula.class)
    void conjugateGradientMinimizesOverAMatrixParameter(Formula formula) {
        Fixtures.MatrixLeastSquares p = Fixtures.MatrixLeastSquares.random(random);
        MatrixShape shape = MatrixShape.of(p.minimum().numRows, p.minimum().numCols);
        HipparchusObjective objective = HipparchusObjective.of(shape,
                (X, grad) -> ProblemsGradients.matrixLeastSquaresValueAndGrad(p.A(), X, p.B(), grad));
        assertNear(p.minimum(), minimize(formula, objective, new double[shape.size()]), 1e-6);
    }

    private static double[] minimize(Formula formula, HipparchusObjective objective, double[] start) {
        // Stop where the gradient vanishes (read from the cache: CG has just evaluated that point) or
        // where a whole iteration no longer lowers f: Hipparchus's line search uses values only, and
        // values stop resolving the minimum once its changes fall below f's rounding error.
        ConvergenceChecker<PointValuePair> stationary = (iteration, previous, current) ->
                current.getValue() >= previous.getValue()
                        || norm(objective.gradient().getObjectiveFunctionGradient().value(current.getPoint())) < 1e-10;
        // line searches to 1e-12, bracketing from a step of 1: Hipparchus's defaults (1e-8, 1e-8,
        // 1e-8) stall on these problems 1e-4 away from the minimum
        NonLinearConjugateGradientOptimizer cg = new NonLinearConjugateGradientOptimizer(formula,
                stationary, 1e-12, 1e-12, 1);
        PointValuePair minimum = cg.optimize(new MaxEval(100_000), objective.function(), objective.gradient(),
                GoalType.MINIMIZE, new InitialGuess(start));
        return minimum.getPoint();
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double e : v) {
            sum += e * e;
        }
        return Math.sqrt(sum);
    }
}
