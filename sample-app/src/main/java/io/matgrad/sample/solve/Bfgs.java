package io.matgrad.sample.solve;

import io.matgrad.solvers.MatrixShape;
import io.matgrad.solvers.ddogleg.DdoglegObjective;
import org.ddogleg.optimization.FactoryOptimization;
import org.ddogleg.optimization.UnconstrainedMinimization;
import org.ejml.data.DMatrixRMaj;

/**
 * DDogleg's BFGS with a line search, fed an {@link Objective}'s value and gradient through
 * {@code matgrad-solvers}' {@link DdoglegObjective}: one {@code nameValueAndGrad} call serves both
 * DDogleg's request for {@code f} and its request for {@code ∇f} at a point.
 */
public final class Bfgs {
    /** Relative change of the loss in one step below which BFGS stops. */
    private static final double FTOL = 1e-12;
    /** Directional derivative along the search direction below which BFGS stops. */
    private static final double GTOL = 1e-10;

    private Bfgs() {}

    /**
     * Minimises from {@code start} (not modified; a matrix is optimised as a whole, in its shape),
     * for at most {@code maxIterations} steps.
     */
    public static Run minimize(Objective objective, DMatrixRMaj start, int maxIterations, Progress progress) {
        MatrixShape shape = MatrixShape.of(start.numRows, start.numCols);
        DdoglegObjective adapter = DdoglegObjective.of(shape, objective.asValueAndGradient());
        UnconstrainedMinimization bfgs = FactoryOptimization.quasiNewtonBfgs(null);
        bfgs.setFunction(adapter.function(), adapter.gradient(), Double.NEGATIVE_INFINITY);
        bfgs.initialize(start.data.clone(), FTOL, GTOL);

        progress.start("DDogleg BFGS, " + objective.source(), "");
        progress.iteration(0, () -> objective.loss(start), () -> "");
        int iterations = 0;
        boolean stopped = false;
        // one iterate() is one line-search trial; an iteration ends where BFGS accepts a point
        for (int trials = 0; !stopped && iterations < maxIterations && trials < 50 * maxIterations; trials++) {
            stopped = bfgs.iterate();
            if (bfgs.isUpdated()) {
                iterations++;
                DMatrixRMaj x = shape.wrap(bfgs.getParameters());
                progress.iteration(iterations, () -> objective.loss(x), () -> "");
            }
        }
        DMatrixRMaj solution = shape.wrap(bfgs.getParameters().clone());
        boolean converged = stopped && bfgs.isConverged();
        progress.finish(converged ? "converged" : "stopped without converging");
        return new Run("DDogleg BFGS", objective.source(), solution, objective.loss(solution), iterations,
                objective.calls(), converged, progress.losses(), Double.NaN);
    }
}
