package io.matgrad.sample.solve;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Backtracking along a descent direction until the Armijo condition holds. */
final class LineSearch {
    /** Required fraction of the decrease the gradient predicts. */
    private static final double ARMIJO = 1e-4;

    private LineSearch() {}

    /**
     * The first step {@code t} of 1, 1/2, 1/4, ... with
     * {@code f(x + t d) ≤ f(x) + 10⁻⁴ t ∇f(x)ᵀd}, up to a few units of rounding in f (next to the
     * minimum, the decrease the gradient predicts is below f's rounding error); {@code trial} is
     * scratch space.
     *
     * @throws ArithmeticException if {@code d} is not a descent direction or no step decreases f
     */
    static double backtrack(Objective objective, DMatrixRMaj x, double f, DMatrixRMaj gradient, DMatrixRMaj d,
            DMatrixRMaj trial) {
        double slope = CommonOps_DDRM.dot(gradient, d);
        if (!(slope < 0)) {
            throw new ArithmeticException("not a descent direction: ∇fᵀd = " + slope);
        }
        for (double t = 1; t > 1e-20; t /= 2) {
            CommonOps_DDRM.add(x, t, d, trial);
            if (objective.value(trial) <= f + ARMIJO * t * slope + 8 * Math.ulp(f)) {
                return t;
            }
        }
        throw new ArithmeticException("the line search found no decrease along d");
    }
}
