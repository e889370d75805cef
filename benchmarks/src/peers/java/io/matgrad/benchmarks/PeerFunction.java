package io.matgrad.benchmarks;

/**
 * One function of the suite written in a peer library: its inputs held in the library's own
 * tensors (converted once), the formula as the library's user writes it, and its value and
 * gradients computed by the library's automatic differentiation.
 *
 * <p>Each call does what an optimiser's loop around the library does: it copies the current
 * values of the {@code wrt} parameters from their DMatrixRMaj into the library's tensors, runs
 * the forward and backward passes, and copies the gradients back into
 * {@link Problem#gradients(Implementation)}, so that the work compared with matgrad's generated
 * {@code valueAndGrad} is the same, from DMatrixRMaj to DMatrixRMaj. The constant inputs stay in
 * the library's tensors across calls.
 *
 * <p>Not thread-safe; closing it frees the library's native memory.
 */
interface PeerFunction extends AutoCloseable {
    /** The value at the problem's current inputs; the gradients land in the problem's outputs for this peer. */
    double valueAndGrad();

    /** Which peer this is. */
    Implementation implementation();

    @Override
    void close();
}
