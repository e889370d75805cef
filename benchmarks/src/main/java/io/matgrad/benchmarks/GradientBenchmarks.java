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
 * The forward function, the generated code and the expert's code, for every function at both
 * sizes. JMH runs each (function, size) pair in its own fork, so each call site below sees one
 * Problem class and is inlined as if it were written out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GradientBenchmarks {
    @Param({"leastSquares", "ridge", "logistic", "quadraticForm", "gaussianNll", "matrixFactorization",
        "twoLayerTanh", "traceAXB", "logSumExpOfAx"})
    public String function;

    @Param({"small", "large"})
    public String size;

    private Problem problem;

    @Setup
    public void setUp() {
        problem = Problems.create(function, Size.of(size));
    }

    @Benchmark
    public double forward() {
        return problem.forward();
    }

    @Benchmark
    public void generatedGrad() {
        problem.generatedGrad();
    }

    @Benchmark
    public double generatedValueAndGrad() {
        return problem.generatedValueAndGrad();
    }

    @Benchmark
    public double workspaceValue() {
        return problem.workspaceValue();
    }

    @Benchmark
    public double workspaceValueAndGrad() {
        return problem.workspaceValueAndGrad();
    }

    @Benchmark
    public double expertValueAndGrad() {
        return problem.expertValueAndGrad();
    }
}
