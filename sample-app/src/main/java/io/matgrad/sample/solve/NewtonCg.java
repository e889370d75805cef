package io.matgrad.sample.solve;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Newton-CG (truncated Newton): each step solves {@code ∇²f(x) d = −∇f(x)} approximately by
 * conjugate gradients, which need only Hessian-vector products: the generated
 * {@code nameHessVecX}, at about the cost of a gradient each, never forming the Hessian. The CG
 * tolerance {@code min(1/2, √‖∇f‖) ‖∇f‖} tightens as the gradient vanishes, so convergence is
 * superlinear (Nocedal and Wright, Numerical Optimization, algorithm 7.1).
 */
public final class NewtonCg {
    private NewtonCg() {}

    /**
     * Minimises from the column vector {@code start} (not modified) until {@code ‖∇f‖ ≤ tolerance},
     * for at most {@code maxIterations} Newton steps.
     */
    public static Run minimize(Objective objective, DMatrixRMaj start, double tolerance, int maxIterations,
            Progress progress) {
        ConjugateGradients cg = new ConjugateGradients(start.getNumElements());
        return LineSearchNewton.minimize("Newton-CG", "Newton-CG, Hessian-vector products by " + objective.source(),
                "CG steps", objective, start, tolerance, maxIterations, progress, (k, x, gradient, direction) -> {
                    double gradientNorm = NormOps_DDRM.normF(gradient);
                    int cgSteps = cg.solve(objective, x, gradient, Math.min(0.5, Math.sqrt(gradientNorm)) * gradientNorm,
                            direction);
                    return String.valueOf(cgSteps);
                });
    }

    /** Conjugate gradients on {@code H d = −g}, H given by its products with vectors. */
    private static final class ConjugateGradients {
        private final DMatrixRMaj residual;
        private final DMatrixRMaj search;
        private final DMatrixRMaj product;

        ConjugateGradients(int n) {
            residual = new DMatrixRMaj(n, 1);
            search = new DMatrixRMaj(n, 1);
            product = new DMatrixRMaj(n, 1);
        }

        /**
         * Writes into {@code d} an approximate solution of {@code ∇²f(x) d = −g}, with residual
         * below {@code tolerance}; stops at negative curvature (returning −g if met at once).
         * Returns the number of Hessian-vector products.
         */
        int solve(Objective objective, DMatrixRMaj x, DMatrixRMaj g, double tolerance, DMatrixRMaj d) {
            d.zero();
            CommonOps_DDRM.scale(-1, g, residual); // r = −g − H·0
            search.setTo(residual);
            double rr = CommonOps_DDRM.dot(residual, residual);
            for (int j = 0; j < 2 * d.getNumElements(); j++) {
                objective.hessianTimes(x, search, product);
                double curvature = CommonOps_DDRM.dot(search, product);
                if (curvature <= 0) {
                    if (j == 0) {
                        CommonOps_DDRM.scale(-1, g, d);
                    }
                    return j + 1;
                }
                double alpha = rr / curvature;
                CommonOps_DDRM.addEquals(d, alpha, search);
                CommonOps_DDRM.addEquals(residual, -alpha, product);
                double next = CommonOps_DDRM.dot(residual, residual);
                if (Math.sqrt(next) <= tolerance) {
                    return j + 1;
                }
                // p = r + (r'r / r'r_previous) p
                CommonOps_DDRM.add(residual, next / rr, search, search);
                rr = next;
            }
            return 2 * d.getNumElements();
        }
    }
}
