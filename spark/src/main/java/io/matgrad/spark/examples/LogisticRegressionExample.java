package io.matgrad.spark.examples;

import io.matgrad.solvers.ValueAndGradient;
import io.matgrad.solvers.ddogleg.DdoglegObjective;
import io.matgrad.spark.DistributedObjective;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.ddogleg.optimization.FactoryOptimization;
import org.ddogleg.optimization.UnconstrainedMinimization;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Logistic regression on a large synthetic data set held by Spark, fitted by DDogleg's BFGS on the
 * driver with matgrad's generated gradient evaluated on the executors.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl spark exec:exec -Dexample.args="--rows 1000000 --features 20"
 * </pre>
 *
 * On a cluster, {@code spark-submit --class io.matgrad.spark.examples.LogisticRegressionExample}
 * (see the README). Options: {@code --rows} (1,000,000), {@code --features} (20, the intercept
 * included), {@code --block-rows} (10,000), {@code --partitions} (Spark's default parallelism),
 * {@code --lambda} (1e-5), {@code --iterations} (100), {@code --seed} (1). Without a master from
 * spark-submit it runs in this JVM on {@code local[*]}.
 */
public final class LogisticRegressionExample {
    /** Relative change of the loss in one step, and directional derivative, below which BFGS stops. */
    private static final double FTOL = 1e-12;
    private static final double GTOL = 1e-9;

    private LogisticRegressionExample() {}

    /** What the example was asked to do. */
    public record Options(long rows, int features, int blockRows, int partitions, double lambda, int iterations,
            long seed) {
        static Options parse(String[] args) {
            Arguments a = new Arguments(args);
            return new Options(a.longValue("--rows", 1_000_000), a.intValue("--features", 20),
                    a.intValue("--block-rows", 10_000), a.intValue("--partitions", 0),
                    a.doubleValue("--lambda", 1e-5), a.intValue("--iterations", 100), a.longValue("--seed", 1));
        }
    }

    /** The fitted weights, how far they are from the weights the labels were drawn with, and the cost. */
    public record Result(DMatrixRMaj weights, DMatrixRMaj trueWeights, double loss, int iterations,
            long evaluations, boolean converged, double seconds) {
        /** ‖w − w*‖ / ‖w*‖. */
        public double relativeError() {
            return NormOps_DDRM.normF(CommonOps_DDRM.subtract(weights, trueWeights, null))
                    / NormOps_DDRM.normF(trueWeights);
        }
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        SparkConf conf = new SparkConf().setAppName("matgrad logistic regression")
                .setIfMissing("spark.master", "local[*]");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            Result result = run(spark, options, System.out);
            if (!result.converged()) {
                System.exit(1);
            }
        }
    }

    /** Generates the data on the executors, fits it, and prints the progress to {@code out}. */
    public static Result run(JavaSparkContext spark, Options options, PrintStream out) {
        int partitions = options.partitions() > 0 ? options.partitions() : spark.defaultParallelism();
        SyntheticLogisticData data = new SyntheticLogisticData(options.rows(), options.features(),
                options.blockRows(), options.seed());
        int n = options.features();
        out.printf(Locale.ROOT, "data   %,d rows x %d features (intercept included), %,d blocks of up to %,d rows"
                + " in %d partitions, master %s%n", data.rows(), n, data.blocks(), options.blockRows(), partitions,
                spark.master());
        long start = System.nanoTime();
        JavaRDD<DenseBlock> blocks = data.rdd(spark, partitions);
        long rows = blocks.map(block -> (long) block.rows()).reduce(Long::sum);
        out.printf(Locale.ROOT, "       generated and cached on the executors in %.1f s (%,d rows)%n",
                seconds(start), rows);

        // the loss: per block, the generated workspace's valueAndGrad; on the driver, the penalty
        double m = rows;
        DistributedObjective<DenseBlock> loss = DistributedObjective.of(blocks, n,
                LogisticModelGradients.LogisticLossWorkspace::new,
                (workspace, block, w, grad) -> workspace.valueAndGrad(block.X(), w, block.y(), m, grad));
        double lambda = options.lambda();
        ValueAndGradient penalized = loss.plus((w, grad) -> LogisticModelGradients.ridgeValueAndGrad(w, lambda, grad));
        out.printf(Locale.ROOT, "model  (1/m) Σ softplus(xᵢᵀw) − yᵢxᵢᵀw + (λ/2)‖w‖², λ = %s;"
                + " DDogleg BFGS on the driver%n%n", lambda);
        return fit(data, loss, DdoglegObjective.of(n, penalized), options.iterations(), out);
    }

    private static Result fit(SyntheticLogisticData data, DistributedObjective<DenseBlock> loss,
            DdoglegObjective objective, int maxIterations, PrintStream out) {
        int n = data.features();
        UnconstrainedMinimization bfgs = FactoryOptimization.quasiNewtonBfgs(null);
        bfgs.setFunction(objective.function(), objective.gradient(), Double.NEGATIVE_INFINITY);
        bfgs.initialize(new double[n], FTOL, GTOL);
        double[] gradient = new double[n];
        out.println("  iter  loss                   ‖∇f‖        Spark jobs  time (s)");
        long start = System.nanoTime();
        progress(out, 0, objective, new double[n], gradient, loss.evaluations(), start);
        int iterations = 0;
        boolean stopped = false;
        // one iterate() is one line-search trial; an iteration ends where BFGS accepts a point
        for (int trials = 0; !stopped && iterations < maxIterations && trials < 50 * maxIterations; trials++) {
            stopped = bfgs.iterate();
            if (bfgs.isUpdated()) {
                iterations++;
                progress(out, iterations, objective, bfgs.getParameters(), gradient, loss.evaluations(), start);
            }
        }
        boolean converged = stopped && bfgs.isConverged();
        double seconds = seconds(start);
        DMatrixRMaj w = DMatrixRMaj.wrap(n, 1, bfgs.getParameters().clone());
        Result result = new Result(w, data.trueWeights(), objective.function().process(w.data), iterations,
                loss.evaluations(), converged, seconds);
        out.printf(Locale.ROOT, "%n%s after %d iterations, %d Spark jobs, %.1f s (%.0f ms a job)%n",
                converged ? "converged" : "stopped without converging", iterations, result.evaluations(), seconds,
                1000 * seconds / Math.max(1, result.evaluations()));
        out.printf(Locale.ROOT, "weights  %s%n", format(w));
        out.printf(Locale.ROOT, "drawn    %s%n", format(result.trueWeights()));
        out.printf(Locale.ROOT, "‖w − w*‖ / ‖w*‖ = %.2e (sampling error and the penalty's pull)%n",
                result.relativeError());
        return result;
    }

    /** One line of progress; the gradient at BFGS's point is the cached one, no extra job. */
    private static void progress(PrintStream out, int iteration, DdoglegObjective objective, double[] w,
            double[] gradient, long jobs, long start) {
        double value = objective.function().process(w);
        objective.gradient().process(w, gradient);
        out.printf(Locale.ROOT, "  %4d  %-21.15g  %.3e   %10d  %8.2f%n", iteration, value,
                NormOps_DDRM.normF(DMatrixRMaj.wrap(gradient.length, 1, gradient)), jobs, seconds(start));
    }

    private static String format(DMatrixRMaj w) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < Math.min(w.getNumElements(), 8); j++) {
            s.append(String.format(Locale.ROOT, "%8.4f", w.get(j)));
        }
        return s.append(w.getNumElements() > 8 ? "  ..." : "").toString();
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
