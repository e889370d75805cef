package io.matgrad.sample.solve;

import io.matgrad.runtime.GradientCheck;
import io.matgrad.solvers.JacobianFunction;
import io.matgrad.solvers.ResidualFunction;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * A nonlinear least-squares problem, minimise {@code ‖r(θ)‖²} over n parameters with m residuals,
 * with its Jacobian from one source, counting calls: matgrad's generated {@code nameJacobianTheta}
 * ({@link #generated}) or central differences of the residuals ({@link #centralDifferences}).
 * One per run.
 */
public final class LeastSquares {
    private final String source;
    private final int m;
    private final UnaryOperator<DMatrixRMaj> model;
    private final long[] calls;
    private ResidualFunction residuals;
    private JacobianFunction jacobian;

    private LeastSquares(String source, int m, UnaryOperator<DMatrixRMaj> model, long[] calls) {
        this.source = source;
        this.m = m;
        this.model = model;
        this.calls = calls;
    }

    /**
     * The generated residuals and Jacobian (from the model's workspace, into the solver's
     * storage); each call counts one. {@code model}, the model's own method, serves reports.
     */
    public static LeastSquares generated(int m, UnaryOperator<DMatrixRMaj> model, ResidualFunction residuals,
            JacobianFunction jacobian) {
        long[] calls = new long[1];
        LeastSquares problem = new LeastSquares("matgrad", m, model, calls);
        problem.residuals = (x, out) -> {
            calls[0]++;
            residuals.residuals(x, out);
        };
        problem.jacobian = (x, out) -> {
            calls[0]++;
            jacobian.jacobian(x, out);
        };
        return problem;
    }

    /**
     * Residuals from the model's own method and their Jacobian by central differences of it
     * ({@link GradientCheck#numericalJacobian}): 2n calls a Jacobian; every call counts one.
     */
    public static LeastSquares centralDifferences(int m, UnaryOperator<DMatrixRMaj> model) {
        long[] calls = new long[1];
        UnaryOperator<DMatrixRMaj> counted = x -> {
            calls[0]++;
            return model.apply(x);
        };
        LeastSquares problem = new LeastSquares("central differences", m, model, calls);
        problem.residuals = (x, out) -> out.setTo(counted.apply(x));
        problem.jacobian = (x, out) -> out.setTo(GradientCheck.numericalJacobian(counted, x));
        return problem;
    }

    public String source() {
        return source;
    }

    /** The number of residuals. */
    public int m() {
        return m;
    }

    public ResidualFunction residuals() {
        return residuals;
    }

    public JacobianFunction jacobian() {
        return jacobian;
    }

    /**
     * The relative error at θ of this problem's Jacobian against central differences of the model's
     * own method ({@link GradientCheck#checkJacobian}): the check of a fit's generated Jacobian.
     */
    public double jacobianError(DMatrixRMaj theta) {
        DMatrixRMaj computed = new DMatrixRMaj(m, theta.getNumElements());
        jacobian.jacobian(theta, computed);
        return GradientCheck.checkJacobian(model, computed, theta).relativeError();
    }

    /** {@code ‖r(θ)‖²} by the model's own method, uncounted: for reports. */
    public double loss(DMatrixRMaj theta) {
        double norm = NormOps_DDRM.normF(model.apply(theta));
        return norm * norm;
    }

    /** The calls made so far (see {@link Run#calls()}). */
    public long calls() {
        return calls[0];
    }
}
