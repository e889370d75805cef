package io.matgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The peers compute what matgrad computes, at the benchmark's inputs and at both sizes, so that
 * the ratios compare equal work: value and gradients within {@link PeerCheck#TOLERANCE}
 * (relative, float64) of the generated workspace's valueAndGrad. Runs only under -Ppeers, and
 * fails that build when a peer disagrees.
 */
class PeerAgreementTest {

    /** Each peer, by its constructor, with the functions it can express. */
    private static final Map<Implementation, BiFunction<String, Problem, PeerFunction>> PEERS = Map.of(
            Implementation.PYTORCH, TorchPeer::new,
            Implementation.SAMEDIFF, SameDiffPeer::new);

    private static final Map<Implementation, List<String>> FUNCTIONS = Map.of(
            Implementation.PYTORCH, List.copyOf(TorchPeer.FORMULAS.keySet()),
            Implementation.SAMEDIFF, List.copyOf(SameDiffPeer.FORMULAS.keySet()));

    static Stream<Arguments> everyPeerFunctionAndSize() {
        List<Arguments> cases = new ArrayList<>();
        for (Implementation peer : List.of(Implementation.PYTORCH, Implementation.SAMEDIFF)) {
            for (String function : FUNCTIONS.get(peer)) {
                for (Size size : Size.values()) {
                    cases.add(Arguments.of(peer, function, size));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyPeerFunctionAndSize")
    void agreesWithTheGeneratedGradientAtTheBenchmarksInputs(Implementation peer, String function, Size size) {
        Problem problem = Problems.create(function, size);
        try (PeerFunction code = PEERS.get(peer).apply(function, problem)) {
            double error = PeerCheck.error(problem, code);
            assertTrue(error <= PeerCheck.TOLERANCE, peer.label() + " " + function + " " + size.label() + ": relative error " + error);
            // What the benchmark's setup runs: it must pass as well.
            PeerCheck.require(function, size, problem, code);
        }
    }

    /**
     * A second call gives the same gradients (PyTorch adds each backward pass into .grad, so a
     * peer that did not zero them would double them), and new parameter values reach the
     * library's tensors (the agreement holds at other inputs too).
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyPeerFunctionAndSize")
    void repeatedCallsAndNewParametersGiveMatgradsGradientAgain(Implementation peer, String function, Size size) {
        if (size == Size.LARGE) {
            return; // the same code path as the small size; the first test covers the large inputs
        }
        Problem problem = Problems.create(function, size);
        try (PeerFunction code = PEERS.get(peer).apply(function, problem)) {
            double first = code.valueAndGrad();
            DMatrixRMaj[] firstGradients = copies(problem.gradients(peer));
            double second = code.valueAndGrad();
            assertEquals(first, second, 0, peer.label() + " " + function + ": the value of a second call");
            for (int i = 0; i < firstGradients.length; i++) {
                assertArrayEquals(firstGradients[i].data, problem.gradients(peer)[i].data, 0,
                        peer.label() + " " + function + ": gradient " + i + " of a second call (accumulated?)");
            }
            Random random = new Random(7);
            for (DMatrixRMaj parameter : problem.wrt()) {
                for (int j = 0; j < parameter.getNumElements(); j++) {
                    parameter.data[j] *= 1 + 0.1 * random.nextGaussian();
                }
            }
            double error = PeerCheck.error(problem, code);
            assertTrue(error <= PeerCheck.TOLERANCE, peer.label() + " " + function + " at new parameters: relative error " + error);
            assertTrue(Math.abs(code.valueAndGrad() - first) > 1e-9 * Math.abs(first),
                    peer.label() + " " + function + ": the value follows the new parameters");
        }
    }

    @Test
    void aPeerThatComputesSomethingElseFailsTheCheck() {
        Problem problem = Problems.create("leastSquares", Size.SMALL);
        try (PeerFunction code = new TorchPeer("leastSquares", problem)) {
            PeerFunction wrong = new PeerFunction() {
                @Override
                public double valueAndGrad() {
                    double value = code.valueAndGrad();
                    problem.gradients(Implementation.PYTORCH)[0].data[3] *= 1 + 1e-6;
                    return value;
                }

                @Override
                public Implementation implementation() {
                    return Implementation.PYTORCH;
                }

                @Override
                public void close() {}
            };
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> PeerCheck.require("leastSquares", Size.SMALL, problem, wrong));
            assertTrue(e.getMessage().contains("PyTorch (DJL) disagrees with matgrad's generated valueAndGrad on leastSquares (small)"),
                    e.getMessage());
        }
    }

    @Test
    void thePeersExpressEveryFunctionButTheGaussianNll() {
        List<String> allButNll = Problems.names().stream().filter(f -> !f.equals("gaussianNll")).toList();
        assertEquals(allButNll, FUNCTIONS.get(Implementation.PYTORCH));
        assertEquals(allButNll, FUNCTIONS.get(Implementation.SAMEDIFF));
        assertThrows(IllegalArgumentException.class, () -> new TorchPeer("gaussianNll", Problems.create("gaussianNll", Size.SMALL)));
        assertThrows(IllegalArgumentException.class, () -> new SameDiffPeer("gaussianNll", Problems.create("gaussianNll", Size.SMALL)));
    }

    @Test
    void theSuiteFindsBothPeersWithTheFunctionsTheyExpress() {
        Map<Implementation, Peers.Peer> available = Peers.available();
        assertEquals(List.of(Implementation.PYTORCH, Implementation.SAMEDIFF), List.copyOf(available.keySet()));
        for (Peers.Peer peer : available.values()) {
            assertEquals(FUNCTIONS.get(peer.implementation()), peer.functions(), peer.benchmarks() + "'s function parameter");
            assertTrue(Stream.of(peer.benchmarks().getMethods()).anyMatch(m -> m.getName().equals(peer.implementation().benchmark())),
                    peer.benchmarks() + " has the benchmark method " + peer.implementation().benchmark());
        }
    }

    /** Each peer's JMH class, run once outside JMH as BenchmarkSmokeTest runs the others: setup (with its check), benchmark, teardown. */
    @Test
    void eachPeersBenchmarkRunsOnceOnEveryFunctionItExpresses() throws Exception {
        for (Peers.Peer peer : Peers.available().values()) {
            for (String function : peer.functions()) {
                Object state = peer.benchmarks().getConstructor().newInstance();
                peer.benchmarks().getField("function").set(state, function);
                peer.benchmarks().getField("size").set(state, Size.SMALL.label());
                peer.benchmarks().getMethod("setUp").invoke(state);
                double value = (double) peer.benchmarks().getMethod(peer.implementation().benchmark()).invoke(state);
                assertEquals(Problems.create(function, Size.SMALL).forward(), value, 1e-10 * Math.max(1, Math.abs(value)),
                        peer.implementation().label() + " " + function);
                peer.benchmarks().getMethod("tearDown").invoke(state);
                peer.check(function, Size.SMALL);
            }
        }
    }

    private static DMatrixRMaj[] copies(DMatrixRMaj[] matrices) {
        DMatrixRMaj[] copies = new DMatrixRMaj[matrices.length];
        for (int i = 0; i < matrices.length; i++) {
            copies[i] = matrices[i].copy();
        }
        return copies;
    }
}
