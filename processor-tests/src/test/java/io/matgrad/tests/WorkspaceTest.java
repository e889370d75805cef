package io.matgrad.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The workspace classes: the same results as the static methods, written into the caller's
 * outputs, and no allocation once the workspace has grown to the problem's size.
 */
class WorkspaceTest {
    private final Random random = new Random(17);
    private final DMatrixRMaj A = RandomMatrices_DDRM.rectangle(50, 8, -1, 1, random);
    private final DMatrixRMaj x = RandomMatrices_DDRM.rectangle(8, 1, -1, 1, random);
    private final DMatrixRMaj b = RandomMatrices_DDRM.rectangle(50, 1, -1, 1, random);

    @Test
    void workspaceComputesWhatTheStaticMethodsCompute() {
        CoreGradients.RidgeWorkspace workspace = new CoreGradients.RidgeWorkspace();
        DMatrixRMaj gradient = new DMatrixRMaj(1, 1);
        assertSame(gradient, workspace.gradX(A, x, b, 0.3, gradient));
        assertTrue(MatrixFeatures_DDRM.isIdentical(CoreGradients.ridgeGradX(A, x, b, 0.3), gradient, 0));
        DMatrixRMaj fromStatic = new DMatrixRMaj(1, 1);
        assertEquals(CoreGradients.ridgeValueAndGrad(A, x, b, 0.3, fromStatic),
                workspace.valueAndGrad(A, x, b, 0.3, gradient), 0);
        assertTrue(MatrixFeatures_DDRM.isIdentical(fromStatic, gradient, 0));
        assertEquals(Core.ridge(A, x, b, 0.3), workspace.value(A, x, b, 0.3), 1e-12);
        assertEquals(CoreGradients.ridgeGradLambda(A, x, b, 0.3), workspace.gradLambda(A, x, b, 0.3), 0);
    }

    @Test
    void repeatedCallsAllocateNothing() {
        CoreGradients.MatrixFactorizationWorkspace workspace = new CoreGradients.MatrixFactorizationWorkspace();
        DMatrixRMaj Y = RandomMatrices_DDRM.rectangle(40, 30, -1, 1, random);
        DMatrixRMaj U = RandomMatrices_DDRM.rectangle(40, 3, -1, 1, random);
        DMatrixRMaj V = RandomMatrices_DDRM.rectangle(30, 3, -1, 1, random);
        DMatrixRMaj gradU = new DMatrixRMaj(40, 3);
        DMatrixRMaj gradV = new DMatrixRMaj(30, 3);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        // the first calls grow the workspace and may load classes; the least of a few rounds is what
        // the calls themselves allocate (100 allocating calls of this 40 x 30 problem would take ~1 MB)
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 100; i++) {
                workspace.valueAndGrad(Y, U, V, gradU, gradV);
            }
            least = Math.min(least, threads.getThreadAllocatedBytes(thread) - before);
        }
        assertTrue(least < 1024, "100 calls allocated " + least + " bytes");
    }

    @Test
    void workspaceFollowsTheProblemSize() {
        CoreGradients.LeastSquaresWorkspace workspace = new CoreGradients.LeastSquaresWorkspace();
        DMatrixRMaj gradient = new DMatrixRMaj(1, 1);
        for (int rows : new int[] {50, 3, 120}) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(rows, 8, -1, 1, random);
            DMatrixRMaj y = RandomMatrices_DDRM.rectangle(rows, 1, -1, 1, random);
            workspace.gradX(a, x, y, gradient);
            assertTrue(MatrixFeatures_DDRM.isIdentical(CoreGradients.leastSquaresGradX(a, x, y), gradient, 0),
                    "after a call with " + rows + " rows");
        }
    }
}
