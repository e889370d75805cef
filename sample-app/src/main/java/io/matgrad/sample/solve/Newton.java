package io.matgrad.sample.solve;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Newton's method with a backtracking line search: each step solves {@code ∇²f(x) d = −∇f(x)} with
 * EJML's Cholesky decomposition, the Hessian being the generated {@code nameHessianX} (or, for the
 * comparison, second differences of f). Converges quadratically near the minimum of a smooth
 * convex loss such as logistic regression's.
 */
public final class Newton {
    private Newton() {}

    /**
     * Minimises from the column vector {@code start} (not modified) until {@code ‖∇f‖ ≤ tolerance},
     * for at most {@code maxIterations} steps.
     */
    public static Run minimize(Objective objective, DMatrixRMaj start, double tolerance, int maxIterations,
            Progress progress) {
        int n = start.getNumElements();
        DMatrixRMaj x = start.copy();
        DMatrixRMaj gradient = new DMatrixRMaj(n, 1);
        DMatrixRMaj hessian = new DMatrixRMaj(n, n);
        DMatrixRMaj direction = new DMatrixRMaj(n, 1);
        DMatrixRMaj trial = new DMatrixRMaj(n, 1);
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(n);

        double f = objective.valueAndGradient(x, gradient);
        double startNorm = NormOps_DDRM.normF(gradient);
        progress.start("Newton, Hessian by " + objective.source() + ", Cholesky solve", "‖∇f‖        step");
        progress.iteration(0, f, () -> String.format("%.3e", startNorm));
        int k = 0;
        while (NormOps_DDRM.normF(gradient) > tolerance && k < maxIterations) {
            // d = −H⁻¹ ∇f
            objective.hessian(x, hessian);
            if (!cholesky.setA(hessian)) {
                throw new ArithmeticException("the Hessian is not positive definite at iteration " + k);
            }
            cholesky.solve(gradient, direction);
            CommonOps_DDRM.scale(-1, direction);
            double t = LineSearch.backtrack(objective, x, f, gradient, direction, trial);
            CommonOps_DDRM.addEquals(x, t, direction);
            f = objective.valueAndGradient(x, gradient);
            k++;
            double norm = NormOps_DDRM.normF(gradient);
            progress.iteration(k, f, () -> String.format("%.3e   %.3g", norm, t));
        }
        boolean converged = NormOps_DDRM.normF(gradient) <= tolerance;
        progress.finish(converged ? "converged: ‖∇f‖ ≤ " + tolerance : "stopped without converging");
        return new Run("Newton", objective.source(), x, objective.loss(x), k, objective.calls(), converged,
                progress.losses(), Double.NaN);
    }
}
