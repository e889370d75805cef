package io.matgrad.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a user without matgrad would do, at the small size only (about 100 unknowns): central
 * finite differences of the forward function, and runtime forward-mode AD. At the large size both
 * are hopeless (thousands of unknowns, each a full evaluation or a full derivative vector), which
 * is the point, but measuring it would take the whole budget.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BaselineBenchmarks {
    @Param({"leastSquares", "ridge", "logistic", "quadraticForm", "gaussianNll", "matrixFactorization",
        "twoLayerTanh", "traceAXB", "logSumExpOfAx"})
    public String function;

    @Param({"small"})
    public String size;

    private Problem problem;

    @Setup
    public void setUp() {
        problem = Problems.create(function, Size.of(size));
    }

    @Benchmark
    public void finiteDifferences() {
        problem.finiteDifferences();
    }

    @Benchmark
    public double runtimeAd() {
        return problem.runtimeAdValueAndGrad();
    }
}
