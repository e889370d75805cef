package io.matgrad.sample;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Gradient descent with Barzilai–Borwein steps, a few lines that converge quickly on smooth convex
 * problems: enough to show generated gradients driving an optimizer.
 */
final class Minimizer {
    /** A function's value at {@code x}, with its gradient written into {@code gradient}. */
    interface Objective {
        double valueAndGradient(DMatrixRMaj x, DMatrixRMaj gradient);
    }

    /** What a run did. */
    record Result(DMatrixRMaj x, double value, double gradientNorm, int iterations) {}

    private Minimizer() {}

    /**
     * Minimizes from {@code start} (not modified) until the gradient's norm falls below
     * {@code tolerance}, printing progress every {@code reportEvery} iterations.
     */
    static Result minimize(Objective f, DMatrixRMaj start, double tolerance, int maxIterations, int reportEvery) {
        DMatrixRMaj x = start.copy();
        DMatrixRMaj g = new DMatrixRMaj(x.numRows, x.numCols);
        DMatrixRMaj previousX = new DMatrixRMaj(x.numRows, x.numCols);
        DMatrixRMaj previousG = new DMatrixRMaj(x.numRows, x.numCols);
        DMatrixRMaj s = new DMatrixRMaj(x.numRows, x.numCols);
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);
        double value = f.valueAndGradient(x, g);
        double step = 1e-3 / Math.max(1, NormOps_DDRM.normF(g));
        int k = 0;
        for (; k < maxIterations && NormOps_DDRM.normF(g) > tolerance; k++) {
            if (k % reportEvery == 0) {
                System.out.printf("    iteration %4d   f = %.10e   ‖∇f‖ = %.3e%n", k, value, NormOps_DDRM.normF(g));
            }
            previousX.setTo(x);
            previousG.setTo(g);
            CommonOps_DDRM.addEquals(x, -step, g);
            value = f.valueAndGradient(x, g);
            // BB1 step: ⟨s, s⟩ / ⟨s, y⟩ with s = Δx, y = Δ∇f
            CommonOps_DDRM.subtract(x, previousX, s);
            CommonOps_DDRM.subtract(g, previousG, y);
            double sy = CommonOps_DDRM.dot(s, y);
            if (sy > 0) {
                step = CommonOps_DDRM.dot(s, s) / sy;
            }
        }
        System.out.printf("    iteration %4d   f = %.10e   ‖∇f‖ = %.3e   (done)%n", k, value, NormOps_DDRM.normF(g));
        return new Result(x, value, NormOps_DDRM.normF(g), k);
    }
}
