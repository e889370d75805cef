package io.matgrad.solvers;

import org.ejml.data.DMatrixRMaj;

/**
 * The m x n Jacobian of a {@link ResidualFunction}, in numerator layout (entry ij is
 * {@code ∂r_i/∂x_j}), the default layout of generated {@code nameJacobianX} methods:
 *
 * <pre>{@code
 * JacobianFunction J = (x, out) -> workspace.jacobianX(A, x, b, out); // allocates nothing
 * JacobianFunction simpler = (x, out) -> out.setTo(ModelsGradients.residualsJacobianX(A, x, b));
 * }</pre>
 *
 * <p>A function declared with {@code jacobianLayout = DENOMINATOR} generates the transpose; adapt it
 * with {@code CommonOps_DDRM.transpose(generated, out)}.
 */
@FunctionalInterface
public interface JacobianFunction {

    /**
     * Writes the Jacobian at {@code x} into {@code jacobian}, which arrives m x n and belongs to the
     * solver: write it in place. Must not modify {@code x}.
     */
    void jacobian(DMatrixRMaj x, DMatrixRMaj jacobian);
}
