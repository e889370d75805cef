package io.matgrad.spark;

import java.io.Serializable;
import org.ejml.data.DMatrixRMaj;

/**
 * What one block of rows contributes to a sum-over-data objective: its value at {@code theta}, and its
 * gradient written into {@code gradient}. Typically one call of a generated workspace's
 * {@code valueAndGrad}, with the block's data bound:
 *
 * <pre>{@code
 * BlockValueAndGradient<ModelsGradients.LogisticWorkspace, Block> f =
 *         (workspace, block, w, grad) -> workspace.valueAndGrad(block.X(), w, block.y(), grad);
 * }</pre>
 *
 * <p>The block is whatever the RDD holds (a record of a dense {@code DMatrixRMaj} block of rows and
 * its labels, or a sparse {@code DMatrixSparseCSC} block): {@link DistributedObjective} only hands it
 * over. Serializable because Spark ships it to the executors: a lambda or method reference whose
 * target type is this interface is, as long as it captures only serializable values.
 *
 * @param <W> the workspace the function computes with, made on the executor once per partition
 *     (see {@link WorkspaceFactory}) and reused for each of its blocks, by one thread
 * @param <B> the type of a block of rows
 */
@FunctionalInterface
public interface BlockValueAndGradient<W, B> extends Serializable {

    /**
     * Returns the block's value at {@code theta} and writes its gradient into {@code gradient}, which
     * arrives shaped like {@code theta} (generated methods reshape their output to that shape, so it
     * is written in place). Must modify neither {@code theta} nor {@code block}.
     */
    double valueAndGradient(W workspace, B block, DMatrixRMaj theta, DMatrixRMaj gradient);
}
