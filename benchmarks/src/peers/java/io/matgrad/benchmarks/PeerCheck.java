package io.matgrad.benchmarks;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Whether a peer computes what matgrad computes: its value and gradients against the generated
 * workspace's {@code valueAndGrad} at the problem's inputs, in float64. Run before a peer is
 * timed (each JMH fork's setup) and by the peers' tests, so that no ratio compares unequal work.
 */
final class PeerCheck {
    /** {@link Peers#TOLERANCE}: relative to matgrad's value and to the Frobenius norm of its gradient. */
    static final double TOLERANCE = Peers.TOLERANCE;

    private PeerCheck() {}

    /** How far {@code peer}'s value and gradients are from matgrad's: the largest relative error. */
    static double error(Problem problem, PeerFunction peer) {
        double value = peer.valueAndGrad();
        DMatrixRMaj[] gradients = problem.gradients(peer.implementation());
        double reference = problem.workspaceValueAndGrad();
        DMatrixRMaj[] expected = problem.gradients(Implementation.WORKSPACE_VALUE_AND_GRAD);
        double error = Math.abs(value - reference) / Math.max(1, Math.abs(reference));
        for (int i = 0; i < expected.length; i++) {
            DMatrixRMaj difference = CommonOps_DDRM.subtract(gradients[i], expected[i], null);
            error = Math.max(error, NormOps_DDRM.normF(difference) / Math.max(1e-300, NormOps_DDRM.normF(expected[i])));
        }
        return error;
    }

    /** Throws if {@code peer} is not within {@link #TOLERANCE} of matgrad; the message names the function and size. */
    static void require(String function, Size size, Problem problem, PeerFunction peer) {
        double error = error(problem, peer);
        if (!(error <= TOLERANCE)) {
            throw new IllegalStateException(String.format(
                    "%s disagrees with matgrad's generated valueAndGrad on %s (%s): relative error %.3g > %.0e; not timing it",
                    peer.implementation().label(), function, size.label(), error, TOLERANCE));
        }
    }
}
