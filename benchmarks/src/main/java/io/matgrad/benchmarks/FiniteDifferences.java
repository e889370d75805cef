package io.matgrad.benchmarks;

import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * Central finite differences as a user without matgrad writes them: two evaluations of the whole
 * function per unknown. The step is GradientCheck's, {@code 1e-6 max(1, |x_i|)}.
 */
final class FiniteDifferences {
    private FiniteDifferences() {}

    /**
     * Writes {@code ∂f/∂x_i} into {@code gradient}, where {@code f} reads {@code x}: each entry is
     * perturbed in place and restored exactly, so {@code x} ends as it began and no copy is made.
     */
    static void gradient(DoubleSupplier f, DMatrixRMaj x, DMatrixRMaj gradient) {
        gradient.reshape(x.numRows, x.numCols);
        double[] data = x.data;
        for (int i = 0; i < x.getNumElements(); i++) {
            double xi = data[i];
            double h = 1e-6 * Math.max(1, Math.abs(xi));
            double above = xi + h;
            double below = xi - h;
            data[i] = above;
            double fAbove = f.getAsDouble();
            data[i] = below;
            double fBelow = f.getAsDouble();
            data[i] = xi;
            // Divide by the distance between the points as rounded, not by 2h.
            gradient.data[i] = (fAbove - fBelow) / (above - below);
        }
    }
}
