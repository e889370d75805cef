package io.matgrad.solvers.ddogleg;

import static io.matgrad.solvers.Fixtures.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.GradientCheck;
import io.matgrad.solvers.Problems;
import io.matgrad.solvers.Fixtures.ExponentialFit;
import io.matgrad.solvers.Fixtures.Rosenbrock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ddogleg.optimization.FactoryOptimization;
import org.ddogleg.optimization.UnconstrainedLeastSquares;
import org.ddogleg.optimization.UtilOptimize;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DDogleg's least-squares solvers arrive at known minima through the adapter. */
class DdoglegLeastSquaresTest {

    static Stream<Arguments> solvers() {
        return Stream.of(
                solver("Levenberg-Marquardt", () -> FactoryOptimization.levenbergMarquardt(null, false)),
                solver("dogleg trust region", () -> FactoryOptimization.dogleg(null, false)));
    }

    private static Arguments solver(String name, Supplier<UnconstrainedLeastSquares<DMatrixRMaj>> factory) {
        return Arguments.of(name, factory);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void findsTheBottomOfRosenbrocksValley(String name, Supplier<UnconstrainedLeastSquares<DMatrixRMaj>> factory) {
        DdoglegLeastSquares problem = DdoglegLeastSquares.of(2, 2, Rosenbrock::residuals, Rosenbrock::jacobian);
        assertNear(Rosenbrock.minimum(), solve(factory.get(), problem, Rosenbrock.start()), 1e-8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void recoversTheParametersOfAnExponential(String name, Supplier<UnconstrainedLeastSquares<DMatrixRMaj>> factory) {
        ExponentialFit fit = new ExponentialFit();
        DdoglegLeastSquares problem = DdoglegLeastSquares.of(fit.n(), fit.m(), fit.residuals(), fit.jacobian());
        assertNear(fit.minimum, solve(factory.get(), problem, new double[fit.n()]), 1e-8);
    }

    @Test
    void theGeneratedJacobianIsWrittenIntoDdoglegsMatrixAndAgreesWithFiniteDifferences() {
        ExponentialFit fit = new ExponentialFit();
        DdoglegLeastSquares problem = DdoglegLeastSquares.of(fit.n(), fit.m(), fit.residuals(), fit.jacobian());
        DMatrixRMaj jacobian = problem.jacobian().declareMatrixMxN();
        double[] storage = jacobian.data;
        double[] x = {0.3, -0.7};
        problem.jacobian().process(x, jacobian);
        assertSame(storage, jacobian.data);
        GradientCheck.checkJacobian(v -> Problems.exponentialResiduals(fit.A, v, fit.b), jacobian,
                DMatrixRMaj.wrap(2, 1, x)).requireBelow(1e-8);
    }

    @Test
    void residualsAndJacobianAreWrittenIntoDdoglegsStorage() {
        DdoglegLeastSquares problem = DdoglegLeastSquares.of(2, 2, Rosenbrock::residuals, Rosenbrock::jacobian);
        assertEquals(2, problem.residuals().getNumOfInputsN());
        assertEquals(2, problem.residuals().getNumOfOutputsM());
        double[] residuals = new double[2];
        problem.residuals().process(new double[] {0, 1}, residuals);
        assertEquals(10, residuals[0]);
        assertEquals(1, residuals[1]);
        DMatrixRMaj jacobian = problem.jacobian().declareMatrixMxN();
        double[] storage = jacobian.data;
        problem.jacobian().process(new double[] {2, 0}, jacobian);
        assertSame(storage, jacobian.data);
        assertEquals(-40, jacobian.get(0, 0));
    }

    @Test
    void aJacobianOfTheWrongShapeIsAnError() {
        DdoglegLeastSquares problem = DdoglegLeastSquares.of(2, 2, Rosenbrock::residuals,
                (x, out) -> out.setTo(new DMatrixRMaj(3, 2)));
        DMatrixRMaj jacobian = problem.jacobian().declareMatrixMxN();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> problem.jacobian().process(new double[2], jacobian));
        assertTrue(e.getMessage().startsWith("the Jacobian was reshaped to 3x2"), e.getMessage());
    }

    /** Solves from {@code start} until the gradient vanishes (to 1e-12) and returns where it stopped. */
    private static double[] solve(UnconstrainedLeastSquares<DMatrixRMaj> solver, DdoglegLeastSquares problem, double[] start) {
        solver.setFunction(problem.residuals(), problem.jacobian());
        solver.initialize(start, 1e-14, 1e-14);
        UtilOptimize.process(solver, 500);
        return solver.getParameters();
    }
}
