package io.matgrad.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link Implementation#PYTORCH}: PyTorch through DJL, at both sizes, for the functions DJL can
 * express ({@link TorchPeer#FORMULAS}). Each fork checks the peer against matgrad's generated
 * gradient before it times anything. The fork's flags keep DJL offline and PyTorch on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"})
public class TorchBenchmarks {
    /** Problems.names() less gaussianNll (see TorchPeer#FORMULAS); a test checks the two agree. */
    @Param({"leastSquares", "ridge", "logistic", "quadraticForm", "matrixFactorization", "twoLayerTanh", "traceAXB",
        "logSumExpOfAx"})
    public String function;

    @Param({"small", "large"})
    public String size;

    private TorchPeer peer;

    @Setup
    public void setUp() {
        Problem problem = Problems.create(function, Size.of(size));
        peer = new TorchPeer(function, problem);
        PeerCheck.require(function, Size.of(size), problem, peer);
    }

    /**
     * What {@link #setUp()} checks, on its own: run by the suite for every function and size
     * before it measures anything, so that a disagreement stops the run at once.
     */
    public static void check(String function, Size size) {
        Problem problem = Problems.create(function, size);
        try (TorchPeer peer = new TorchPeer(function, problem)) {
            PeerCheck.require(function, size, problem, peer);
        }
    }

    @TearDown
    public void tearDown() {
        peer.close();
    }

    @Benchmark
    public double pytorch() {
        return peer.valueAndGrad();
    }
}
