package io.matgrad.sample.solve;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * The iteration {@link Newton} and {@link NewtonCg} share, which differ only in how they solve for
 * the step: from x, the method's step direction, a {@link LineSearch#backtrack backtracking} step
 * along it, until {@code ‖∇f‖ ≤ tolerance}. Progress shows ‖∇f‖, the step length and the method's
 * own column (Progress strips what an empty one leaves trailing).
 */
final class LineSearchNewton {
    /** How a method chooses its step. */
    @FunctionalInterface
    interface Direction {
        /**
         * Writes the step direction at {@code x} (iteration {@code k}) into {@code direction};
         * returns the method's own progress column, "" for none.
         */
        String direction(int k, DMatrixRMaj x, DMatrixRMaj gradient, DMatrixRMaj direction);
    }

    private LineSearchNewton() {}

    /**
     * Minimises from the column vector {@code start} (not modified) until {@code ‖∇f‖ ≤ tolerance},
     * for at most {@code maxIterations} steps; {@code title} and {@code heading} head the progress,
     * {@code heading} the method's own column.
     */
    static Run minimize(String solver, String title, String heading, Objective objective, DMatrixRMaj start,
            double tolerance, int maxIterations, Progress progress, Direction method) {
        int n = start.getNumElements();
        DMatrixRMaj x = start.copy();
        DMatrixRMaj gradient = new DMatrixRMaj(n, 1);
        DMatrixRMaj direction = new DMatrixRMaj(n, 1);
        DMatrixRMaj trial = new DMatrixRMaj(n, 1);

        double f = objective.valueAndGradient(x, gradient);
        double startNorm = NormOps_DDRM.normF(gradient);
        progress.start(title, "‖∇f‖        step  " + heading);
        progress.iteration(0, f, () -> String.format("%.3e", startNorm));
        int k = 0;
        while (NormOps_DDRM.normF(gradient) > tolerance && k < maxIterations) {
            String column = method.direction(k, x, gradient, direction);
            double t = LineSearch.backtrack(objective, x, f, gradient, direction, trial);
            CommonOps_DDRM.addEquals(x, t, direction);
            f = objective.valueAndGradient(x, gradient);
            k++;
            double norm = NormOps_DDRM.normF(gradient);
            progress.iteration(k, f, () -> String.format("%.3e   %.3g  %s", norm, t, column));
        }
        boolean converged = NormOps_DDRM.normF(gradient) <= tolerance;
        progress.finish(converged ? "converged: ‖∇f‖ ≤ " + tolerance : "stopped without converging");
        return new Run(solver, objective.source(), x, objective.loss(x), k, objective.calls(), converged,
                progress.losses(), Double.NaN);
    }
}
