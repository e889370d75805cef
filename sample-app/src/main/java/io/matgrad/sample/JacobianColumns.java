package io.matgrad.sample;

import io.matgrad.solvers.JacobianFunction;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The Jacobian with respect to a parameter vector θ, assembled from the generated Jacobians with
 * respect to the model's separate parameters: a {@code double} parameter gives one column
 * ({@code nameJacobianA}, m x 1), a vector parameter of k entries k columns
 * ({@code nameJacobianBeta}, m x k), side by side in the order θ packs them.
 */
final class JacobianColumns implements JacobianFunction {
    private final List<JacobianFunction> parts = new ArrayList<>();
    private final List<DMatrixRMaj> blocks = new ArrayList<>();

    /** Adds the next {@code width} columns, computed by {@code part} into an m x width matrix. */
    JacobianColumns then(int width, JacobianFunction part) {
        parts.add(part);
        blocks.add(new DMatrixRMaj(1, width));
        return this;
    }

    /** Adds the next column, computed by {@code part} into an m x 1 matrix. */
    JacobianColumns then(JacobianFunction part) {
        return then(1, part);
    }

    @Override
    public void jacobian(DMatrixRMaj theta, DMatrixRMaj jacobian) {
        int column = 0;
        for (int i = 0; i < parts.size(); i++) {
            DMatrixRMaj block = blocks.get(i);
            block.reshape(jacobian.numRows, block.numCols);
            parts.get(i).jacobian(theta, block);
            CommonOps_DDRM.insert(block, jacobian, 0, column);
            column += block.numCols;
        }
        if (column != jacobian.numCols) {
            throw new IllegalStateException("the parts have " + column + " columns, the Jacobian " + jacobian.numCols);
        }
    }
}
