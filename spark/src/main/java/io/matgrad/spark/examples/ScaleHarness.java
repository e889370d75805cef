package io.matgrad.spark.examples;

import io.matgrad.spark.DistributedObjective;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * How the time of one distributed value-and-gradient grows with the data, next to the generated
 * workspace's on one machine, and what a Spark job costs by itself. Prints a Markdown table.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl spark exec:exec -Dexample.main=io.matgrad.spark.examples.ScaleHarness -Dexample.heap=6g \
 *     -Dexample.args="--rows 1e5,1e6,1e7 --masters local[1],local[2]"
 * </pre>
 *
 * <p>For each size: the logistic loss of {@link LogisticModel} on {@link SyntheticLogisticData} (10
 * features, blocks of 10,000 rows, 4 partitions unless told), evaluated at a fixed point
 * <ul>
 *   <li>on one machine: {@code LogisticLossWorkspace.valueAndGrad} on all the rows as one matrix, in
 *       this JVM, without Spark;</li>
 *   <li>on one machine by blocks: the same workspace on Spark's blocks one after the other, on one
 *       thread: Spark's work without Spark;</li>
 *   <li>by {@link DistributedObjective} on each Spark master, the data cached on the executors;</li>
 *   <li>Spark's per-job overhead: the same evaluation over as many partitions holding no rows (the
 *       broadcast, the job, the tasks, treeAggregate, and nothing to compute).</li>
 * </ul>
 * Each time is the median of {@code --repeats} (5) evaluations after a warm-up (three evaluations
 * and at least {@code --warm-up-seconds}, 0.5); the by-blocks and distributed values and gradients are checked
 * against the single machine's (relative difference in the last column). Wall-clock times of whole Spark jobs, not a JMH benchmark: a job is
 * milliseconds to seconds of many threads, and its overhead is what is being measured. On a shared
 * or busy machine the figures move by tens of percent.
 */
public final class ScaleHarness {
    private ScaleHarness() {}

    /** What to measure. */
    public record Options(List<Long> rows, List<String> masters, int features, int blockRows, int partitions,
            int repeats, double warmUpSeconds) {
        static Options parse(String[] args) {
            Arguments a = new Arguments(args);
            List<Long> rows = new ArrayList<>();
            for (String r : a.string("--rows", "1e5,1e6,1e7").split(",")) {
                rows.add((long) Double.parseDouble(r.trim().replace("_", "")));
            }
            return new Options(rows, Arrays.asList(a.string("--masters", "local[1],local[2]").split(",")),
                    a.intValue("--features", 10), a.intValue("--block-rows", 10_000),
                    a.intValue("--partitions", 4), a.intValue("--repeats", 5),
                    a.doubleValue("--warm-up-seconds", 0.5));
        }
    }

    /** One size's figures, in milliseconds; by master, in the order given. */
    public record Row(long rows, double singleMachineMillis, double byBlocksMillis, Map<String, Double> sparkMillis,
            Map<String, Double> overheadMillis, double worstRelativeDifference) {}

    public static void main(String[] args) {
        run(Options.parse(args), System.out);
    }

    public static List<Row> run(Options options, PrintStream out) {
        out.printf(Locale.ROOT, "%d features, blocks of %,d rows, %d partitions, median of %d evaluations;"
                + " Java %s, %d processors%n%n", options.features(), options.blockRows(), options.partitions(),
                options.repeats(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        List<SyntheticLogisticData> sizes = new ArrayList<>();
        for (long rows : options.rows()) {
            sizes.add(new SyntheticLogisticData(rows, options.features(), options.blockRows(), 1));
        }
        DMatrixRMaj w = point(options.features());
        List<Evaluation> single = new ArrayList<>();
        List<Evaluation> byBlocks = new ArrayList<>();
        for (SyntheticLogisticData data : sizes) {
            single.add(singleMachine(data, w, options));
            byBlocks.add(singleMachineByBlocks(data, w, options));
        }
        Map<String, List<Evaluation>> spark = new LinkedHashMap<>();
        Map<String, Double> overhead = new LinkedHashMap<>();
        for (String master : options.masters()) {
            spark.put(master, new ArrayList<>());
            try (JavaSparkContext context = new JavaSparkContext(conf(master))) {
                for (SyntheticLogisticData data : sizes) {
                    spark.get(master).add(distributed(context, data, options, w));
                }
                // last, with Spark's job path warmed up by the evaluations above
                overhead.put(master, emptyJobs(context, options, w));
            }
        }
        List<Row> table = new ArrayList<>();
        for (int s = 0; s < sizes.size(); s++) {
            Map<String, Double> millis = new LinkedHashMap<>();
            double worst = byBlocks.get(s).relativeDifference(single.get(s));
            for (String master : options.masters()) {
                Evaluation e = spark.get(master).get(s);
                millis.put(master, e.millis());
                worst = Math.max(worst, e.relativeDifference(single.get(s)));
            }
            table.add(new Row(sizes.get(s).rows(), single.get(s).millis(), byBlocks.get(s).millis(), millis, overhead,
                    worst));
        }
        print(table, options.masters(), out);
        return table;
    }

    /** The point every evaluation is at: away from zero, so the loss is not log 2 per row. */
    private static DMatrixRMaj point(int features) {
        DMatrixRMaj w = new DMatrixRMaj(features, 1);
        for (int j = 0; j < features; j++) {
            w.set(j, 0.1 * ((j % 5) - 2));
        }
        return w;
    }

    /** A value and gradient and the median time they took. */
    private record Evaluation(double value, DMatrixRMaj gradient, double millis) {
        double relativeDifference(Evaluation reference) {
            double value = Math.abs(this.value - reference.value) / Math.abs(reference.value);
            double gradient = NormOps_DDRM.normF(CommonOps_DDRM.subtract(this.gradient, reference.gradient, null))
                    / NormOps_DDRM.normF(reference.gradient);
            return Math.max(value, gradient);
        }
    }

    private interface Evaluator {
        double evaluate(DMatrixRMaj w, DMatrixRMaj gradient);
    }

    private static Evaluation time(Evaluator f, DMatrixRMaj w, int repeats, Options options) {
        DMatrixRMaj gradient = new DMatrixRMaj(w.numRows, 1);
        double value = 0;
        // warm-up: at least three evaluations and half a second, so that the JIT has compiled the kernels
        long warmUpEnd = System.nanoTime() + (long) (options.warmUpSeconds() * 1e9);
        for (int warmUp = 0; warmUp < 3 || System.nanoTime() < warmUpEnd; warmUp++) {
            value = f.evaluate(w, gradient);
        }
        List<Double> millis = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            value = f.evaluate(w, gradient);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return new Evaluation(value, gradient, millis.get(millis.size() / 2));
    }

    private static Evaluation singleMachine(SyntheticLogisticData data, DMatrixRMaj w, Options options) {
        DenseBlock whole = data.whole();
        LogisticModelGradients.LogisticLossWorkspace workspace = new LogisticModelGradients.LogisticLossWorkspace();
        double m = data.rows();
        return time((x, gradient) -> workspace.valueAndGrad(whole.X(), x, whole.y(), m, gradient), w,
                options.repeats(), options);
    }

    /**
     * The same blocks as Spark's, one after the other on this thread, with one workspace and no
     * Spark: what Spark's evaluation would cost without Spark, its temporaries a block's size.
     */
    private static Evaluation singleMachineByBlocks(SyntheticLogisticData data, DMatrixRMaj w, Options options) {
        List<DenseBlock> blocks = new ArrayList<>();
        for (int b = 0; b < data.blocks(); b++) {
            blocks.add(data.block(b));
        }
        LogisticModelGradients.LogisticLossWorkspace workspace = new LogisticModelGradients.LogisticLossWorkspace();
        DMatrixRMaj blockGradient = new DMatrixRMaj(w.numRows, 1);
        double m = data.rows();
        return time((x, gradient) -> {
            double value = 0;
            gradient.zero();
            for (DenseBlock block : blocks) {
                value += workspace.valueAndGrad(block.X(), x, block.y(), m, blockGradient);
                CommonOps_DDRM.addEquals(gradient, blockGradient);
            }
            return value;
        }, w, options.repeats(), options);
    }

    private static Evaluation distributed(JavaSparkContext spark, SyntheticLogisticData data, Options options,
            DMatrixRMaj w) {
        JavaRDD<DenseBlock> blocks = data.rdd(spark, options.partitions());
        blocks.count();
        try {
            DistributedObjective<DenseBlock> loss = logistic(blocks, options.features(), data.rows());
            return time(loss::valueAndGradient, w, options.repeats(), options);
        } finally {
            blocks.unpersist(true);
        }
    }

    /** The cost of a job with nothing to compute: as many partitions, no rows. */
    private static double emptyJobs(JavaSparkContext spark, Options options, DMatrixRMaj w) {
        JavaRDD<DenseBlock> nothing =
                spark.parallelize(Collections.<DenseBlock>emptyList(), options.partitions()).cache();
        DistributedObjective<DenseBlock> loss = logistic(nothing, options.features(), 1);
        return time(loss::valueAndGradient, w, Math.max(options.repeats(), 10), options).millis();
    }

    private static DistributedObjective<DenseBlock> logistic(JavaRDD<DenseBlock> blocks, int features, double m) {
        return DistributedObjective.of(blocks, features, LogisticModelGradients.LogisticLossWorkspace::new,
                (workspace, block, x, grad) -> workspace.valueAndGrad(block.X(), x, block.y(), m, grad));
    }

    private static SparkConf conf(String master) {
        return new SparkConf().setMaster(master).setAppName("matgrad scale harness")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }

    private static void print(List<Row> table, List<String> masters, PrintStream out) {
        StringBuilder header = new StringBuilder("| rows | one machine, workspace | one machine, by blocks |");
        StringBuilder rule = new StringBuilder("|---:|---:|---:|");
        for (String master : masters) {
            header.append(" ").append(master).append(" | ").append(master).append(" / one machine | ")
                    .append(master).append(" job overhead |");
            rule.append("---:|---:|---:|");
        }
        out.println(header.append(" max relative difference |"));
        out.println(rule.append("---:|"));
        for (Row row : table) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %,d | %s | %s |", row.rows(),
                    millis(row.singleMachineMillis()), millis(row.byBlocksMillis())));
            for (String master : masters) {
                double m = row.sparkMillis().get(master);
                double overhead = row.overheadMillis().get(master);
                line.append(String.format(Locale.ROOT, " %s | %.2f | %s (%.0f%%) |", millis(m),
                        m / row.singleMachineMillis(), millis(overhead), 100 * Math.min(1, overhead / m)));
            }
            out.println(line.append(String.format(Locale.ROOT, " %.1e |", row.worstRelativeDifference())));
        }
        out.println();
        out.println("one machine: the workspace on all the rows as one matrix; by blocks: on Spark's blocks in turn;");
        out.println("job overhead: a job over as many partitions holding no rows (broadcast, tasks, treeAggregate),");
        out.println("and its share of the job at that size");
    }

    private static String millis(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
