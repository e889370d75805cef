package io.matgrad.solvers.hipparchus;

import io.matgrad.solvers.JacobianFunction;
import io.matgrad.solvers.MatrixShape;
import io.matgrad.solvers.ResidualFunction;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * A least-squares problem, minimize {@code ‖r(x)‖²} over n parameters with m residuals, for
 * Hipparchus's least-squares optimizers ({@code LevenbergMarquardtOptimizer},
 * {@code GaussNewtonOptimizer}):
 *
 * <pre>{@code
 * ModelsGradients.ResidualsWorkspace workspace = new ModelsGradients.ResidualsWorkspace();
 * LeastSquaresProblem problem = HipparchusLeastSquares.builder(n, m,
 *                 (x, r) -> workspace.value(A, x, b, r),
 *                 (x, J) -> J.setTo(ModelsGradients.residualsJacobianX(A, x, b)))
 *         .start(start).maxEvaluations(1000).maxIterations(1000)
 *         .build();
 * Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
 * }</pre>
 *
 * <p>Hipparchus fits a model to a target, minimizing {@code ‖target − model(x)‖²}; here the model is
 * {@code r(x)} and the target zero, which minimizes {@code ‖r(x)‖²} (Hipparchus reports the
 * residuals as {@code −r(x)}).
 */
public final class HipparchusLeastSquares {
    private HipparchusLeastSquares() {}

    /**
     * A builder with the model {@code r(x)} and its Jacobian, and a zero target: add the start point
     * and the evaluation and iteration limits.
     */
    public static LeastSquaresBuilder builder(int n, int m, ResidualFunction residuals, JacobianFunction jacobian) {
        return new LeastSquaresBuilder().model(model(n, m, residuals, jacobian)).target(new double[m]);
    }

    /**
     * {@code x -> (r(x), ∂r/∂x)}, the residuals and the Jacobian at one point, as Hipparchus wants
     * them. Each call fills new EJML matrices and hands their entries to Hipparchus.
     */
    public static MultivariateJacobianFunction model(int n, int m, ResidualFunction residuals, JacobianFunction jacobian) {
        MatrixShape parameters = MatrixShape.column(n);
        MatrixShape residualShape = MatrixShape.column(m);
        MatrixShape jacobianShape = MatrixShape.of(m, n);
        return point -> {
            DMatrixRMaj x = parameters.wrap(point.toArray());
            DMatrixRMaj r = new DMatrixRMaj(m, 1);
            double[] rArray = r.data;
            residuals.residuals(x, r);
            residualShape.requireWrittenInPlace(r, rArray, "the residual vector");
            DMatrixRMaj j = new DMatrixRMaj(m, n);
            double[] jArray = j.data;
            jacobian.jacobian(x, j);
            jacobianShape.requireWrittenInPlace(j, jArray, "the Jacobian");
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(rArray, false), toHipparchus(j));
        };
    }

    private static RealMatrix toHipparchus(DMatrixRMaj m) {
        double[][] rows = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, rows[i], 0, m.numCols);
        }
        return new Array2DRowRealMatrix(rows, false);
    }
}
