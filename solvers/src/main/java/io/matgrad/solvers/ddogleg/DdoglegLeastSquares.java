package io.matgrad.solvers.ddogleg;

import io.matgrad.solvers.JacobianFunction;
import io.matgrad.solvers.MatrixShape;
import io.matgrad.solvers.ResidualFunction;
import org.ddogleg.optimization.functions.FunctionNtoM;
import org.ddogleg.optimization.functions.FunctionNtoMxN;
import org.ejml.data.DMatrixRMaj;

/**
 * A least-squares problem, minimize {@code ‖r(x)‖²} over n parameters with m residuals, as the
 * {@link FunctionNtoM} and {@link FunctionNtoMxN} pair DDogleg's {@code UnconstrainedLeastSquares}
 * takes (Levenberg-Marquardt, {@code FactoryOptimization.levenbergMarquardt}; dogleg trust region,
 * {@code FactoryOptimization.dogleg}):
 *
 * <pre>{@code
 * ModelsGradients.ResidualsWorkspace workspace = new ModelsGradients.ResidualsWorkspace();
 * DdoglegLeastSquares problem = DdoglegLeastSquares.of(n, m,
 *         (x, r) -> workspace.value(A, x, b, r),
 *         (x, J) -> workspace.jacobianX(A, x, b, J));
 * UnconstrainedLeastSquares<DMatrixRMaj> lm = FactoryOptimization.levenbergMarquardt(null, false);
 * lm.setFunction(problem.residuals(), problem.jacobian());
 * lm.initialize(start, 1e-12, 1e-12);
 * UtilOptimize.process(lm, 100);
 * }</pre>
 *
 * <p>The parameters and the residuals are DDogleg's arrays wrapped as n x 1 and m x 1 matrices
 * ({@code DMatrixRMaj.wrap}), never copied; the Jacobian is DDogleg's own m x n matrix, filled in
 * place. DDogleg evaluates residuals at trial points and the Jacobian only at accepted ones, so the
 * two are not cached together.
 */
public final class DdoglegLeastSquares {
    private final MatrixShape parameters;
    private final MatrixShape residualShape;
    private final MatrixShape jacobianShape;
    private final FunctionNtoM residuals;
    private final FunctionNtoMxN<DMatrixRMaj> jacobian;

    private DdoglegLeastSquares(int n, int m, ResidualFunction residuals, JacobianFunction jacobian) {
        this.parameters = MatrixShape.column(n);
        this.residualShape = MatrixShape.column(m);
        this.jacobianShape = MatrixShape.of(m, n);
        this.residuals = new Residuals(residuals);
        this.jacobian = new Jacobian(jacobian);
    }

    /**
     * n parameters, m residuals, the residual function and its Jacobian.
     *
     * @throws IllegalArgumentException if {@code n} or {@code m} is not positive
     */
    public static DdoglegLeastSquares of(int n, int m, ResidualFunction residuals, JacobianFunction jacobian) {
        return new DdoglegLeastSquares(n, m, residuals, jacobian);
    }

    /** {@code r(x)}, for {@code setFunction(residuals, jacobian)}. */
    public FunctionNtoM residuals() {
        return residuals;
    }

    /** {@code ∂r/∂x}, for {@code setFunction(residuals, jacobian)}. */
    public FunctionNtoMxN<DMatrixRMaj> jacobian() {
        return jacobian;
    }

    private abstract class Sizes {
        public int getNumOfInputsN() {
            return parameters.size();
        }

        public int getNumOfOutputsM() {
            return residualShape.size();
        }
    }

    private final class Residuals extends Sizes implements FunctionNtoM {
        private final ResidualFunction function;

        Residuals(ResidualFunction function) {
            this.function = function;
        }

        @Override
        public void process(double[] input, double[] output) {
            DMatrixRMaj r = residualShape.wrap(output);
            function.residuals(parameters.wrap(input), r);
            residualShape.requireWrittenInPlace(r, output, "the residual vector");
        }
    }

    private final class Jacobian extends Sizes implements FunctionNtoMxN<DMatrixRMaj> {
        private final JacobianFunction function;

        Jacobian(JacobianFunction function) {
            this.function = function;
        }

        @Override
        public void process(double[] input, DMatrixRMaj output) {
            double[] array = output.data;
            function.jacobian(parameters.wrap(input), output);
            jacobianShape.requireWrittenInPlace(output, array, "the Jacobian");
        }

        @Override
        public DMatrixRMaj declareMatrixMxN() {
            return new DMatrixRMaj(jacobianShape.rows(), jacobianShape.cols());
        }
    }
}
