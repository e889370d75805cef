package io.matgrad.spark;

import io.matgrad.solvers.MatrixShape;
import io.matgrad.solvers.ValueAndGradient;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.LoggerFactory;

/**
 * A sum-over-data objective whose data is a Spark RDD of row blocks: {@code f(θ) = Σ_blocks f_b(θ)},
 * with its gradient, evaluated where the data is. A {@link ValueAndGradient}, so it goes straight to
 * the solver adapters, which run on the driver:
 *
 * <pre>{@code
 * JavaRDD<Block> blocks = ...;   // each Block: a DMatrixRMaj of rows of X and the matching labels
 * blocks.cache();                 // every evaluation reads them all: keep them in memory
 * DistributedObjective<Block> loss = DistributedObjective.of(blocks, n,
 *         ModelsGradients.LogisticWorkspace::new,
 *         (workspace, block, w, grad) -> workspace.valueAndGrad(block.X(), w, block.y(), grad));
 * DdoglegObjective objective = DdoglegObjective.of(n, loss);   // or HipparchusObjective.of(n, loss)
 * }</pre>
 *
 * <p>One evaluation is one Spark job: θ is broadcast (the data never moves), each task evaluates its
 * partition's blocks in order with one workspace made for it ({@link WorkspaceFactory}), and the
 * partitions' sums are combined with {@code treeAggregate} into the driver's gradient. What a block
 * is (a dense {@code DMatrixRMaj} block, a sparse {@code DMatrixSparseCSC} one, both) is the
 * {@link BlockValueAndGradient}'s business alone.
 *
 * <p><b>Reproducible.</b> For a given partitioning (the same blocks in the same partitions, in the
 * same order), the value and gradient are the same to the last bit from run to run, whatever order
 * the tasks finish in and whether some were retried: the partitions' sums are added along a fixed
 * binary tree over the partitions ({@link PairwiseSum}), not in the order Spark delivers them. A
 * different number of partitions adds in a different order, so it agrees to rounding only.
 *
 * <p>A term that depends on θ alone (a penalty such as {@code (λ/2)‖θ‖²}) belongs on the driver,
 * once, not in every block: {@link #plus(ValueAndGradient)}.
 *
 * <p>Not thread-safe: one per solver run, on the driver, as the adapters it feeds.
 *
 * @param <B> the type of a block of rows; serializable, as Spark requires of an RDD's elements
 */
public final class DistributedObjective<B> implements ValueAndGradient {
    private static final String JOB_DESCRIPTION = "spark.job.description";

    private final JavaRDD<B> blocks;
    private final MatrixShape shape;
    private final int treeDepth;
    private final int[] positions;
    private final Tasks<B> tasks;
    private long evaluations;

    /** Makes the function a task runs for one broadcast θ; hides the workspace type. */
    private interface Tasks<B> {
        Function2<Integer, Iterator<B>, Iterator<PairwiseSum>> at(Broadcast<double[]> theta, int[] positions);
    }

    private DistributedObjective(JavaRDD<B> blocks, MatrixShape shape, int treeDepth, Tasks<B> tasks) {
        if (blocks.getStorageLevel().equals(StorageLevel.NONE())) {
            // as Spark MLlib warns: each evaluation would recompute the blocks from their source
            LoggerFactory.getLogger(DistributedObjective.class).warn("the blocks are not cached: every evaluation"
                    + " of the objective recomputes them; call blocks.cache() (or persist) first");
        }
        this.blocks = blocks;
        this.shape = shape;
        this.treeDepth = treeDepth;
        this.positions = TreeLayout.positions(blocks.getNumPartitions(), treeDepth);
        this.tasks = tasks;
    }

    /**
     * An objective of n parameters, seen by {@code function} as an n x 1 column vector.
     *
     * @param blocks the data, a block of rows per element; cache it ({@code blocks.cache()}), as every
     *     evaluation reads all of it
     * @param workspaces makes one workspace per task, on the executor
     * @param function one block's value and gradient
     */
    public static <W, B> DistributedObjective<B> of(JavaRDD<B> blocks, int n, WorkspaceFactory<W> workspaces,
            BlockValueAndGradient<W, B> function) {
        return of(blocks, MatrixShape.column(n), workspaces, function);
    }

    /**
     * An objective of a matrix parameter ({@code shape.size()} parameters, row-major, EJML's layout),
     * which {@code function} sees, and writes its gradient, in {@code shape}.
     */
    public static <W, B> DistributedObjective<B> of(JavaRDD<B> blocks, MatrixShape shape,
            WorkspaceFactory<W> workspaces, BlockValueAndGradient<W, B> function) {
        Tasks<B> tasks = (theta, positions) -> new PartitionEvaluation<>(workspaces, function, shape, theta, positions);
        return new DistributedObjective<>(blocks, shape, 2, tasks);
    }

    /**
     * The same objective, with partition sums combined in a tree of this depth (2 unless set, as in
     * Spark MLlib): deeper trees take more, smaller steps between the executors, which helps when
     * there are many partitions and large gradients. A new objective, counting its own evaluations.
     */
    public DistributedObjective<B> withTreeDepth(int depth) {
        return new DistributedObjective<>(blocks, shape, depth, tasks);
    }

    /**
     * Runs one Spark job: returns {@code f(x)} and writes {@code ∇f(x)} into {@code gradient}, reshaped
     * to {@link #shape()} (in place when it has that shape, as the adapters' wrapped arrays have).
     *
     * @throws IllegalArgumentException if {@code x} does not have {@code shape().size()} entries
     */
    @Override
    public double valueAndGradient(DMatrixRMaj x, DMatrixRMaj gradient) {
        if (x.getNumElements() != shape.size()) {
            throw new IllegalArgumentException("the parameters are " + x.numRows + "x" + x.numCols
                    + " but the objective was made for " + shape + " parameters");
        }
        SparkContext spark = blocks.context();
        Broadcast<double[]> theta = JavaSparkContext.fromSparkContext(spark)
                .broadcast(Arrays.copyOf(x.data, shape.size()));
        String description = spark.getLocalProperty(JOB_DESCRIPTION);
        spark.setLocalProperty(JOB_DESCRIPTION, "matgrad value and gradient, evaluation " + (evaluations + 1));
        try {
            PairwiseSum sum = blocks.mapPartitionsWithIndex(tasks.at(theta, positions), true)
                    .treeAggregate(PairwiseSum.empty(), PairwiseSum::add, PairwiseSum::add, treeDepth);
            gradient.reshape(shape.rows(), shape.cols());
            double value = sum.total(gradient.data);
            evaluations++;
            return value;
        } finally {
            spark.setLocalProperty(JOB_DESCRIPTION, description);
            theta.destroy();
        }
    }

    /**
     * This objective plus a term of θ alone computed on the driver once per evaluation, such as a
     * penalty {@code (λ/2)‖θ‖²} (whose generated {@code valueAndGrad} needs no data); adding it in
     * every block would count it once per block.
     */
    public ValueAndGradient plus(ValueAndGradient driverTerm) {
        DMatrixRMaj termGradient = new DMatrixRMaj(shape.rows(), shape.cols());
        return (x, gradient) -> {
            double value = valueAndGradient(x, gradient);
            termGradient.reshape(shape.rows(), shape.cols());
            value += driverTerm.valueAndGradient(x, termGradient);
            if (termGradient.numRows != shape.rows() || termGradient.numCols != shape.cols()) {
                throw new IllegalStateException("the driver term's gradient came back " + termGradient.numRows
                        + "x" + termGradient.numCols + " for " + shape + " parameters");
            }
            for (int i = 0; i < shape.size(); i++) {
                gradient.data[i] += termGradient.data[i];
            }
            return value;
        };
    }

    /** The shape the functions see the parameters (and write their gradients) in. */
    public MatrixShape shape() {
        return shape;
    }

    /** The data. */
    public JavaRDD<B> blocks() {
        return blocks;
    }

    /** How many evaluations (Spark jobs) completed: the cost of a solver run so far. */
    public long evaluations() {
        return evaluations;
    }
}
