package io.matgrad.solvers;

import org.ejml.data.DMatrixRMaj;

/**
 * The residuals {@code r(x)} of a least-squares problem, minimize {@code ‖r(x)‖²}: an m x 1 vector
 * function of the n parameters. A {@code @Differentiable} method returning {@code DMatrixRMaj}
 * computes one; its generated workspace computes it into the solver's storage, allocating nothing:
 *
 * <pre>{@code
 * ModelsGradients.ResidualsWorkspace workspace = new ModelsGradients.ResidualsWorkspace();
 * ResidualFunction r = (x, out) -> workspace.value(A, x, b, out);
 * ResidualFunction simpler = (x, out) -> out.setTo(Models.residuals(A, x, b));
 * }</pre>
 */
@FunctionalInterface
public interface ResidualFunction {

    /**
     * Writes {@code r(x)} into {@code residuals}, which arrives m x 1 and wraps the solver's array:
     * write it in place ({@code setTo} and the generated methods' reshaping keep its array). Must
     * not modify {@code x}.
     */
    void residuals(DMatrixRMaj x, DMatrixRMaj residuals);
}
