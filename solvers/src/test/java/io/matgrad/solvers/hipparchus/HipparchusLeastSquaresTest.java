package io.matgrad.solvers.hipparchus;

import static io.matgrad.solvers.Fixtures.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.solvers.Fixtures.ExponentialFit;
import io.matgrad.solvers.Fixtures.Rosenbrock;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.SimpleVectorValueChecker;
import org.hipparchus.optim.nonlinear.vector.leastsquares.GaussNewtonOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;
import org.junit.jupiter.api.Test;

/** Hipparchus's least-squares optimizers arrive at known minima through the adapter. */
class HipparchusLeastSquaresTest {

    @Test
    void levenbergMarquardtFindsTheBottomOfRosenbrocksValley() {
        LeastSquaresProblem problem = HipparchusLeastSquares.builder(2, 2, Rosenbrock::residuals, Rosenbrock::jacobian)
                .start(Rosenbrock.start()).maxEvaluations(1000).maxIterations(1000).build();
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
        assertNear(Rosenbrock.minimum(), optimum.getPoint().toArray(), 1e-8);
        assertEquals(0, optimum.getCost(), 1e-10);
    }

    @Test
    void levenbergMarquardtAndGaussNewtonRecoverAnExponential() {
        ExponentialFit fit = new ExponentialFit();
        for (LeastSquaresOptimizer optimizer : new LeastSquaresOptimizer[] {new LevenbergMarquardtOptimizer(), new GaussNewtonOptimizer()}) {
            LeastSquaresProblem problem = HipparchusLeastSquares.builder(fit.n(), fit.m(), fit.residuals(), fit.jacobian())
                    .start(new double[fit.n()]).maxEvaluations(1000).maxIterations(1000)
                    .checkerPair(new SimpleVectorValueChecker(1e-14, 1e-14)) // Gauss-Newton's stopping rule
                    .build();
            assertNear(fit.minimum, optimizer.optimize(problem).getPoint().toArray(), 1e-8);
        }
    }

    @Test
    void theModelIsTheResidualsAndTheirJacobianInHipparchusLayout() {
        MultivariateJacobianFunction model = HipparchusLeastSquares.model(2, 2, Rosenbrock::residuals, Rosenbrock::jacobian);
        Pair<RealVector, RealMatrix> value = model.value(new ArrayRealVector(new double[] {2, 1}));
        assertEquals(10 * (1 - 4), value.getFirst().getEntry(0));
        assertEquals(1 - 2, value.getFirst().getEntry(1));
        assertEquals(-40, value.getSecond().getEntry(0, 0));
        assertEquals(10, value.getSecond().getEntry(0, 1));
        assertEquals(-1, value.getSecond().getEntry(1, 0));
    }

    @Test
    void residualsOfTheWrongShapeAreAnError() {
        MultivariateJacobianFunction model = HipparchusLeastSquares.model(2, 2,
                (x, out) -> out.setTo(new DMatrixRMaj(5, 1)), Rosenbrock::jacobian);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.value(new ArrayRealVector(2)));
        assertTrue(e.getMessage().startsWith("the residual vector was reshaped to 5x1"), e.getMessage());
    }
}
