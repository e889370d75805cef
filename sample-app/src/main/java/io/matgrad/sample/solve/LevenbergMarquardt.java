package io.matgrad.sample.solve;

import io.matgrad.solvers.ddogleg.DdoglegLeastSquares;
import org.ddogleg.optimization.FactoryOptimization;
import org.ddogleg.optimization.UnconstrainedLeastSquares;
import org.ejml.data.DMatrixRMaj;

/**
 * DDogleg's Levenberg-Marquardt, fed a {@link LeastSquares} problem's residuals and Jacobian
 * through {@code matgrad-solvers}' {@link DdoglegLeastSquares}: the Jacobian is written straight
 * into DDogleg's m x n matrix.
 */
public final class LevenbergMarquardt {
    /** Relative change of the loss in one step below which LM stops. */
    private static final double FTOL = 1e-12;
    /** Largest entry of the gradient Jᵀr below which LM stops. */
    private static final double GTOL = 1e-10;

    private LevenbergMarquardt() {}

    /** Minimises {@code ‖r(θ)‖²} from {@code start} (not modified), for at most {@code maxIterations} steps. */
    public static Run minimize(LeastSquares problem, DMatrixRMaj start, int maxIterations, Progress progress) {
        int n = start.getNumElements();
        DdoglegLeastSquares adapter = DdoglegLeastSquares.of(n, problem.m(), problem.residuals(), problem.jacobian());
        UnconstrainedLeastSquares<DMatrixRMaj> lm = FactoryOptimization.levenbergMarquardt(null, false);
        lm.setFunction(adapter.residuals(), adapter.jacobian());
        lm.initialize(start.data.clone(), FTOL, GTOL);

        progress.start("DDogleg Levenberg-Marquardt, Jacobian by " + problem.source(), "");
        progress.iteration(0, () -> problem.loss(start), () -> "");
        int iterations = 0;
        boolean stopped = false;
        // one iterate() tries one damping; an iteration ends where LM accepts a step
        for (int trials = 0; !stopped && iterations < maxIterations && trials < 50 * maxIterations; trials++) {
            stopped = lm.iterate();
            if (lm.isUpdated()) {
                iterations++;
                DMatrixRMaj x = DMatrixRMaj.wrap(n, 1, lm.getParameters());
                progress.iteration(iterations, () -> problem.loss(x), () -> "");
            }
        }
        DMatrixRMaj solution = DMatrixRMaj.wrap(n, 1, lm.getParameters().clone());
        boolean converged = stopped && lm.isConverged();
        progress.finish(converged ? "converged" : "stopped without converging");
        return new Run("DDogleg LM", problem.source(), solution, problem.loss(solution), iterations, problem.calls(),
                converged, progress.losses(), Double.NaN);
    }
}
