package io.matgrad.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The n x n Hessian of logistic regression (2n samples, n features), three ways, all through the
 * generated workspace and allocation-free: the symbolic Hessian matgrad derives
 * ({@code Xᵀ diag(σ(z) ∘ (1 − σ(z))) X}, one row scaling and one product); n Hessian-vector
 * products, one per column; and central finite differences of the generated gradient, 2n
 * gradients.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main HessianBenchmarks
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HessianBenchmarks {
    @Param({"10", "100", "500"})
    public int n;

    private final SecondOrderFunctionsGradients.LogisticWorkspace workspace =
            new SecondOrderFunctionsGradients.LogisticWorkspace();
    private DMatrixRMaj X;
    private DMatrixRMaj w;
    private DMatrixRMaj y;
    private DMatrixRMaj hessian;
    private DMatrixRMaj direction;
    private DMatrixRMaj column;
    private DMatrixRMaj probe;
    private DMatrixRMaj gradientUp;
    private DMatrixRMaj gradientDown;

    @Setup
    public void setUp() {
        Random random = new Random(n);
        X = Inputs.uniform(2 * n, n, 1, random);
        w = Inputs.uniform(n, 1, 0.1, random);
        y = Inputs.labels(2 * n, random);
        hessian = new DMatrixRMaj(n, n);
        direction = new DMatrixRMaj(n, 1);
        column = new DMatrixRMaj(n, 1);
        probe = new DMatrixRMaj(n, 1);
        gradientUp = new DMatrixRMaj(n, 1);
        gradientDown = new DMatrixRMaj(n, 1);
    }

    @Benchmark
    public DMatrixRMaj symbolicHessian() {
        return workspace.hessianW(X, w, y, hessian);
    }

    @Benchmark
    public DMatrixRMaj hessianVectorProducts() {
        for (int j = 0; j < n; j++) {
            direction.zero();
            direction.data[j] = 1;
            workspace.hessVecW(X, w, y, direction, column);
            for (int i = 0; i < n; i++) {
                hessian.unsafe_set(i, j, column.data[i]);
            }
        }
        return hessian;
    }

    @Benchmark
    public DMatrixRMaj finiteDifferencesOfTheGradient() {
        for (int j = 0; j < n; j++) {
            double h = 1e-6 * Math.max(1, Math.abs(w.data[j]));
            probe.setTo(w);
            probe.data[j] += h;
            workspace.gradW(X, probe, y, gradientUp);
            probe.data[j] -= 2 * h;
            workspace.gradW(X, probe, y, gradientDown);
            for (int i = 0; i < n; i++) {
                hessian.unsafe_set(i, j, (gradientUp.data[i] - gradientDown.data[i]) / (2 * h));
            }
        }
        return hessian;
    }
}
