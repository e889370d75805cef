package io.matgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.MatrixOps;
import io.matgrad.solvers.MatrixShape;
import io.matgrad.solvers.ValueAndGradient;
import io.matgrad.solvers.ddogleg.DdoglegObjective;
import io.matgrad.solvers.hipparchus.HipparchusObjective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.ddogleg.optimization.FactoryOptimization;
import org.ddogleg.optimization.UnconstrainedMinimization;
import org.ddogleg.optimization.UtilOptimize;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The distributed objective on Spark's in-process master, two threads, against the generated
 * workspace called once on all the data: the same value and gradient, the same fits.
 */
class DistributedObjectiveTest {
    private static final int ROWS = 200;
    private static final int N = 5;
    /** x*: logistic labels σ(Ax*) put the minimum there. */
    private static final DMatrixRMaj MINIMUM = new DMatrixRMaj(N, 1, true, 1.0, -2.0, 0.5, 1.5, -0.75);
    /** Blocks of uneven sizes, one of a single row: the sum must not care how rows are grouped. */
    private static final int[] BLOCK_SIZES = {1, 37, 50, 12, 60, 40};
    /** Workspaces made on the executors (the same JVM here): one per task is the promise. */
    private static final AtomicInteger WORKSPACES = new AtomicInteger();

    private static JavaSparkContext spark;
    private static DMatrixRMaj A;
    private static DMatrixRMaj b;
    private static DMatrixRMaj y;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[2]", "DistributedObjectiveTest");
        Random random = new Random(20260613);
        A = RandomMatrices_DDRM.rectangle(ROWS, N, -1, 1, random);
        b = RandomMatrices_DDRM.rectangle(ROWS, 1, -2, 2, random);
        y = MatrixOps.sigmoid(MatrixOps.mult(A, MINIMUM));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static JavaRDD<Rows> blocks(DMatrixRMaj labels, int partitions, int... sizes) {
        return spark.parallelize(Rows.split(A, labels, sizes), partitions).cache();
    }

    private static DistributedObjective<Rows> leastSquares(JavaRDD<Rows> blocks) {
        return DistributedObjective.of(blocks, N, ModelsGradients.LeastSquaresWorkspace::new,
                (workspace, block, x, grad) -> workspace.valueAndGrad(block.A(), x, block.b(), grad));
    }

    private static DistributedObjective<Rows> logistic(JavaRDD<Rows> blocks) {
        return DistributedObjective.of(blocks, N, () -> {
            WORKSPACES.incrementAndGet();
            return new ModelsGradients.LogisticWorkspace();
        }, (workspace, block, x, grad) -> workspace.valueAndGrad(block.A(), x, block.b(), grad));
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 3, 12})
    void leastSquaresEqualsTheSingleMachineWorkspace(int partitions) {
        // 12 partitions for 6 blocks: half of them empty, and treeAggregate adds a level of tasks
        DistributedObjective<Rows> distributed = leastSquares(blocks(b, partitions, BLOCK_SIZES));
        ValueAndGradient single = (x, grad) -> new ModelsGradients.LeastSquaresWorkspace().valueAndGrad(A, x, b, grad);
        assertSameFunction(single, distributed, randomPoint(N, 1, partitions));
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 3, 12})
    void logisticEqualsTheSingleMachineWorkspace(int partitions) {
        DistributedObjective<Rows> distributed = logistic(blocks(y, partitions, BLOCK_SIZES));
        ValueAndGradient single = (x, grad) -> new ModelsGradients.LogisticWorkspace().valueAndGrad(A, x, y, grad);
        assertSameFunction(single, distributed, randomPoint(N, 1, partitions));
    }

    @Test
    void aMatrixParameterIsSeenInItsShape() {
        DMatrixRMaj B = RandomMatrices_DDRM.rectangle(ROWS, 3, -1, 1, new Random(7));
        JavaRDD<Rows> blocks = spark.parallelize(Rows.split(A, B, BLOCK_SIZES), 3).cache();
        DistributedObjective<Rows> distributed = DistributedObjective.of(blocks, MatrixShape.of(N, 3),
                ModelsGradients.MatrixLeastSquaresWorkspace::new,
                (workspace, block, X, grad) -> workspace.valueAndGrad(block.A(), X, block.b(), grad));
        ValueAndGradient single = (X, grad) -> ModelsGradients.matrixLeastSquaresValueAndGrad(A, X, B, grad);
        assertSameFunction(single, distributed, randomPoint(N, 3, 11));
    }

    @Test
    void oneWorkspacePerTaskReusedForEachBlockOfItsPartition() {
        DistributedObjective<Rows> distributed = logistic(blocks(y, 3, BLOCK_SIZES));
        WORKSPACES.set(0);
        distributed.valueAndGradient(randomPoint(N, 1, 5), new DMatrixRMaj(N, 1));
        assertEquals(3, WORKSPACES.get(), "one workspace for each of the 3 partitions, not one per block");
        assertEquals(1, distributed.evaluations());
    }

    /**
     * 40 blocks in 12 partitions: treeAggregate combines them in 3 tasks before the driver, in
     * whatever order the shuffle delivers. The result must be the same bits every time, and exactly
     * the fixed pairwise tree of the partitions' sums, computed here without Spark.
     */
    @Test
    void theSameBitsEveryRunAddedAlongTheFixedTree() {
        int[] sizes = new int[40];
        Arrays.fill(sizes, 5);
        JavaRDD<Rows> blocks = blocks(y, 12, sizes);
        DistributedObjective<Rows> distributed = logistic(blocks);
        DMatrixRMaj x = randomPoint(N, 1, 3);

        DMatrixRMaj expected = new DMatrixRMaj(N, 1);
        double expectedValue = fixedTreeSum(blocks.glom().collect(), x, expected);
        for (int run = 0; run < 5; run++) {
            DMatrixRMaj gradient = new DMatrixRMaj(N, 1);
            double value = distributed.valueAndGradient(x, gradient);
            assertEquals(Double.doubleToRawLongBits(expectedValue), Double.doubleToRawLongBits(value), "run " + run);
            assertArrayEquals(expected.data, gradient.data, 0.0, "run " + run);
        }
    }

    /** Each partition summed in its order, the partitions added along the tree, in a scrambled order. */
    private static double fixedTreeSum(List<List<Rows>> partitions, DMatrixRMaj x, DMatrixRMaj gradient) {
        int[] positions = TreeLayout.positions(partitions.size(), 2);
        List<PairwiseSum> parts = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
            ModelsGradients.LogisticWorkspace workspace = new ModelsGradients.LogisticWorkspace();
            DMatrixRMaj blockGradient = new DMatrixRMaj(N, 1);
            double[] sum = new double[N];
            double value = 0;
            for (Rows block : partitions.get(p)) {
                value += workspace.valueAndGrad(block.A(), x, block.b(), blockGradient);
                for (int i = 0; i < N; i++) {
                    sum[i] += blockGradient.data[i];
                }
            }
            parts.add(PairwiseSum.of(positions[p], value, sum));
        }
        Collections.shuffle(parts, new Random(1));
        PairwiseSum total = PairwiseSum.empty();
        parts.forEach(total::add);
        return total.total(gradient.data);
    }

    @Test
    void ddoglegBfgsFitsTheSameWeightsAsOnOneMachine() {
        DistributedObjective<Rows> distributed = logistic(blocks(y, 3, BLOCK_SIZES));
        ModelsGradients.LogisticWorkspace workspace = new ModelsGradients.LogisticWorkspace();
        double[] single = bfgs(DdoglegObjective.of(N, (x, grad) -> workspace.valueAndGrad(A, x, y, grad)));
        double[] fitted = bfgs(DdoglegObjective.of(N, distributed));
        assertArrayEquals(MINIMUM.data, single, 1e-6);
        assertArrayEquals(single, fitted, 1e-8);
        assertTrue(distributed.evaluations() > 5, "one Spark job per evaluation: " + distributed.evaluations());
    }

    static double[] bfgs(DdoglegObjective objective) {
        return bfgs(objective, 500);
    }

    /** DDogleg's BFGS from zero, for at most {@code steps} line-search trials. */
    static double[] bfgs(DdoglegObjective objective, int steps) {
        UnconstrainedMinimization bfgs = FactoryOptimization.quasiNewtonBfgs(null);
        bfgs.setFunction(objective.function(), objective.gradient(), Double.NEGATIVE_INFINITY);
        bfgs.initialize(new double[objective.function().getNumOfInputsN()], 1e-12, 1e-12);
        UtilOptimize.process(bfgs, steps);
        return bfgs.getParameters().clone();
    }

    /** Hipparchus's separate function and gradient, one Spark job for both at a point. */
    @Test
    void hipparchusAdapterTakesItAsItIs() {
        DistributedObjective<Rows> distributed = leastSquares(blocks(b, 2, BLOCK_SIZES));
        HipparchusObjective objective = HipparchusObjective.of(N, distributed);
        double[] x = randomPoint(N, 1, 4).data;
        DMatrixRMaj expected = new DMatrixRMaj(N, 1);
        double expectedValue = ModelsGradients.leastSquaresValueAndGrad(A, DMatrixRMaj.wrap(N, 1, x), b, expected);
        assertEquals(expectedValue, objective.function().getObjectiveFunction().value(x), 1e-10 * expectedValue);
        assertArrayEquals(expected.data, objective.gradient().getObjectiveFunctionGradient().value(x),
                1e-10 * NormOps_DDRM.normF(expected));
        assertEquals(1, distributed.evaluations());
    }

    @Test
    void aDriverTermIsAddedOnceNotPerBlock() {
        double lambda = 3.0;
        DistributedObjective<Rows> distributed = logistic(blocks(y, 3, BLOCK_SIZES));
        ValueAndGradient penalized = distributed.plus((x, grad) -> ModelsGradients.ridgeValueAndGrad(x, lambda, grad));
        ValueAndGradient single = (x, grad) -> {
            DMatrixRMaj penalty = new DMatrixRMaj(N, 1);
            double value = ModelsGradients.logisticValueAndGrad(A, x, y, grad)
                    + ModelsGradients.ridgeValueAndGrad(x, lambda, penalty);
            CommonOps_DDRM.addEquals(grad, penalty);
            return value;
        };
        assertSameFunction(single, penalized, randomPoint(N, 1, 9));
    }

    @Test
    void parametersOfTheWrongSizeAreRejectedBeforeAnyJob() {
        DistributedObjective<Rows> distributed = logistic(blocks(y, 2, BLOCK_SIZES));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> distributed.valueAndGradient(new DMatrixRMaj(N + 1, 1), new DMatrixRMaj(N + 1, 1)));
        assertEquals("the parameters are 6x1 but the objective was made for 5x1 parameters", e.getMessage());
        assertEquals(0, distributed.evaluations());
    }

    @Test
    void aBlockGradientOfTheWrongShapeFailsTheJobWithTheShapes() {
        // the objective made for 4 parameters, the blocks' data for 5: the generated method reshapes
        // its gradient to 5x1 (after its own check of the shapes passes for the 5 it is given)
        JavaRDD<Rows> blocks = blocks(b, 2, BLOCK_SIZES);
        DistributedObjective<Rows> distributed = DistributedObjective.of(blocks, 4,
                ModelsGradients.LeastSquaresWorkspace::new,
                (workspace, block, x, grad) ->
                        workspace.valueAndGrad(block.A(), randomPoint(N, 1, 1), block.b(), grad));
        SparkException e = assertThrows(SparkException.class,
                () -> distributed.valueAndGradient(new DMatrixRMaj(4, 1), new DMatrixRMaj(4, 1)));
        assertTrue(e.getMessage().contains("IllegalStateException: a block's gradient came back 5x1 for parameters"
                + " that are 4x1"), e.getMessage());
    }

    static DMatrixRMaj randomPoint(int rows, int cols, long seed) {
        return RandomMatrices_DDRM.rectangle(rows, cols, -1, 1, new Random(seed));
    }

    /** The two functions agree at x to a relative 1e-10 in the value and in the gradient's norm. */
    static void assertSameFunction(ValueAndGradient expected, ValueAndGradient actual, DMatrixRMaj x) {
        DMatrixRMaj expectedGradient = new DMatrixRMaj(x.numRows, x.numCols);
        DMatrixRMaj actualGradient = new DMatrixRMaj(x.numRows, x.numCols);
        double expectedValue = expected.valueAndGradient(x, expectedGradient);
        double actualValue = actual.valueAndGradient(x, actualGradient);
        assertEquals(expectedValue, actualValue, 1e-10 * Math.abs(expectedValue));
        DMatrixRMaj difference = CommonOps_DDRM.subtract(expectedGradient, actualGradient, null);
        double relative = NormOps_DDRM.normF(difference) / NormOps_DDRM.normF(expectedGradient);
        assertTrue(relative <= 1e-10, "relative error of the gradient " + relative);
    }
}
