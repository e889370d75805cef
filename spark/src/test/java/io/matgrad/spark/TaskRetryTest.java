package io.matgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.MatrixOps;
import io.matgrad.solvers.ddogleg.DdoglegObjective;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task that fails once, half-way through its partition, is retried by Spark, and the answer is
 * the same to the last bit. Spark's {@code local[2,2]} master: two threads, and a task may fail
 * twice before its job does (plain {@code local[2]} never retries).
 */
class TaskRetryTest {
    private static final int N = 4;
    private static final DMatrixRMaj WEIGHTS = new DMatrixRMaj(N, 1, true, 0.5, -1.0, 2.0, -0.25);
    /** Armed: the next first attempt of partition 1 throws at its second block. */
    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final AtomicInteger FAILURES = new AtomicInteger();
    private static final AtomicInteger RETRIES = new AtomicInteger();

    private static JavaSparkContext spark;
    private static JavaRDD<Rows> blocks;
    private static DMatrixRMaj A;
    private static DMatrixRMaj y;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[2,2]", "TaskRetryTest");
        A = RandomMatrices_DDRM.rectangle(120, N, -1, 1, new Random(99));
        y = MatrixOps.sigmoid(MatrixOps.mult(A, WEIGHTS));
        // 24 blocks of 5 rows in 4 partitions: 6 blocks each
        int[] sizes = new int[24];
        Arrays.fill(sizes, 5);
        blocks = spark.parallelize(Rows.split(A, y, sizes), 4).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @BeforeEach
    void disarm() {
        ARMED.set(false);
        FAILURES.set(0);
        RETRIES.set(0);
    }

    private static DistributedObjective<Rows> flakyLogistic() {
        return DistributedObjective.of(blocks, N, ModelsGradients.LogisticWorkspace::new, TaskRetryTest::flaky);
    }

    /** The logistic loss of a block; armed, partition 1's first attempt fails at its second block. */
    private static double flaky(ModelsGradients.LogisticWorkspace workspace, Rows block, DMatrixRMaj x,
            DMatrixRMaj grad) {
        TaskContext task = TaskContext.get();
        if (task.partitionId() == 1 && task.attemptNumber() > 0) {
            RETRIES.incrementAndGet();
        }
        // partition 1 holds blocks 6 to 11, rows 30 to 59: the block of rows 35 to 39 is its second
        boolean secondBlockOfPartition1 = task.partitionId() == 1 && block.A().get(0, 0) == A.get(35, 0);
        if (secondBlockOfPartition1 && task.attemptNumber() == 0 && ARMED.compareAndSet(true, false)) {
            FAILURES.incrementAndGet();
            throw new IllegalStateException("injected: the executor running partition 1 was lost");
        }
        return workspace.valueAndGrad(block.A(), x, block.b(), grad);
    }

    @Test
    void aFailedTaskIsRetriedAndTheSumIsTheSameBits() {
        DistributedObjective<Rows> objective = flakyLogistic();
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(N, 1, -1, 1, new Random(5));
        DMatrixRMaj cleanGradient = new DMatrixRMaj(N, 1);
        double clean = objective.valueAndGradient(x, cleanGradient);
        assertEquals(0, RETRIES.get());

        ARMED.set(true);
        DMatrixRMaj retriedGradient = new DMatrixRMaj(N, 1);
        double retried = objective.valueAndGradient(x, retriedGradient);
        assertEquals(1, FAILURES.get(), "the injected failure happened");
        assertTrue(RETRIES.get() > 0, "Spark ran partition 1 again");
        assertEquals(Double.doubleToRawLongBits(clean), Double.doubleToRawLongBits(retried));
        assertArrayEquals(cleanGradient.data, retriedGradient.data, 0.0);
    }

    /** Six steps of BFGS, a task failing in the third evaluation: the path is the same bits. */
    @Test
    void aFitWithAFailedTaskTakesTheSameSteps() {
        double[] clean = DistributedObjectiveTest.bfgs(DdoglegObjective.of(N, flakyLogistic()), 6);

        DistributedObjective<Rows> objective = flakyLogistic();
        DdoglegObjective adapter = DdoglegObjective.of(N, (x, grad) -> {
            if (objective.evaluations() == 2) {
                ARMED.set(true);
            }
            return objective.valueAndGradient(x, grad);
        });
        double[] retried = DistributedObjectiveTest.bfgs(adapter, 6);
        assertEquals(1, FAILURES.get());
        assertArrayEquals(clean, retried, 0.0);
    }
}
