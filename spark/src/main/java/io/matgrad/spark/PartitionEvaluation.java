package io.matgrad.spark;

import io.matgrad.solvers.MatrixShape;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.ejml.data.DMatrixRMaj;

/**
 * One task's share of an evaluation, run on an executor: the value and gradient of a partition's
 * blocks at the broadcast parameters, added in the partition's own order, with one workspace for
 * all of them. A task that fails and is retried computes the same sum again from the start.
 */
final class PartitionEvaluation<W, B> implements Function2<Integer, Iterator<B>, Iterator<PairwiseSum>> {
    private static final long serialVersionUID = 1L;

    private final WorkspaceFactory<W> workspaces;
    private final BlockValueAndGradient<W, B> function;
    private final int rows;
    private final int cols;
    private final Broadcast<double[]> theta;
    private final int[] positions;

    PartitionEvaluation(WorkspaceFactory<W> workspaces, BlockValueAndGradient<W, B> function, MatrixShape shape,
            Broadcast<double[]> theta, int[] positions) {
        this.workspaces = workspaces;
        this.function = function;
        this.rows = shape.rows();
        this.cols = shape.cols();
        this.theta = theta;
        this.positions = positions;
    }

    @Override
    public Iterator<PairwiseSum> call(Integer partition, Iterator<B> blocks) {
        double[] gradient = new double[rows * cols];
        if (!blocks.hasNext()) {
            return sum(partition, 0.0, gradient);
        }
        W workspace = workspaces.create();
        // a copy per task: the broadcast value is one object shared by every task of an executor
        DMatrixRMaj x = DMatrixRMaj.wrap(rows, cols, theta.value().clone());
        DMatrixRMaj blockGradient = new DMatrixRMaj(rows, cols);
        double value = 0;
        while (blocks.hasNext()) {
            value += function.valueAndGradient(workspace, blocks.next(), x, blockGradient);
            requireShape(blockGradient);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] += blockGradient.data[i];
            }
        }
        return sum(partition, value, gradient);
    }

    /** The partition's sum, at its place in the tree the driver adds along. */
    private Iterator<PairwiseSum> sum(int partition, double value, double[] gradient) {
        return Collections.singletonList(PairwiseSum.of(positions[partition], value, gradient)).iterator();
    }

    private void requireShape(DMatrixRMaj blockGradient) {
        if (blockGradient.numRows != rows || blockGradient.numCols != cols) {
            throw new IllegalStateException("a block's gradient came back " + blockGradient.numRows + "x"
                    + blockGradient.numCols + " for parameters that are " + rows + "x" + cols
                    + "; check the shapes of the block's data against the parameters");
        }
    }
}
