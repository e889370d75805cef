package io.matgrad.sample.solve;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
        DMatrixRMaj hessian = new DMatrixRMaj(n, n);
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(n);
        return LineSearchNewton.minimize("Newton", "Newton, Hessian by " + objective.source() + ", Cholesky solve", "",
                objective, start, tolerance, maxIterations, progress, (k, x, gradient, direction) -> {
                    // d = −H⁻¹ ∇f
                    objective.hessian(x, hessian);
                    if (!cholesky.setA(hessian)) {
                        throw new ArithmeticException("the Hessian is not positive definite at iteration " + k);
                    }
                    cholesky.solve(gradient, direction);
                    CommonOps_DDRM.scale(-1, direction);
                    return "";
                });
    }
}
