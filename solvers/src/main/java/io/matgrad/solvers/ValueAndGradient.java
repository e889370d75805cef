package io.matgrad.solvers;

import org.ejml.data.DMatrixRMaj;

/**
 * A scalar function and its gradient, computed together: the shape of a generated
 * {@code nameValueAndGrad} method once its other arguments are bound, so that
 *
 * <pre>{@code
 * ValueAndGradient f = (x, grad) -> ModelsGradients.logisticValueAndGrad(A, x, y, grad);
 * // or allocation-free, through the function's generated workspace:
 * ModelsGradients.LogisticWorkspace workspace = new ModelsGradients.LogisticWorkspace();
 * ValueAndGradient g = (x, grad) -> workspace.valueAndGrad(A, x, y, grad);
 * }</pre>
 *
 * <p>Adapters call it with {@code x} and {@code gradient} wrapping a solver's own arrays
 * ({@link MatrixShape#wrap}), so neither is copied on the way in or out.
 */
@FunctionalInterface
public interface ValueAndGradient {

    /**
     * Returns {@code f(x)} and writes {@code ∂f/∂x} into {@code gradient}, which arrives shaped like
     * {@code x}. Generated methods reshape their output to the gradient's shape, which is that
     * shape, so the wrapped array is written in place. Must not modify {@code x}.
     */
    double valueAndGradient(DMatrixRMaj x, DMatrixRMaj gradient);
}
