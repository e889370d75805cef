package io.matgrad.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.matgrad.runtime.MatrixOps;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;

/**
 * Problems with known minima for the adapter tests: each is made from its answer, or has one in
 * closed form, so a test checks where the solver arrived, not merely that it stopped.
 */
public final class Fixtures {
    private Fixtures() {}

    /** ‖Ax − b‖² with A 30 x 4 and noisy b: the minimum is the normal equations' solution. */
    public record LeastSquares(DMatrixRMaj A, DMatrixRMaj b, DMatrixRMaj minimum) {
        public static LeastSquares random(Random random) {
            DMatrixRMaj A = RandomMatrices_DDRM.rectangle(30, 4, -1, 1, random);
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(30, 1, -2, 2, random);
            return new LeastSquares(A, b, solveNormalEquations(A, b));
        }

        public int n() {
            return A.numCols;
        }
    }

    /** ‖AX − B‖² over X 4 x 3: the minimum solves the normal equations column by column. */
    public record MatrixLeastSquares(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj minimum) {
        public static MatrixLeastSquares random(Random random) {
            DMatrixRMaj A = RandomMatrices_DDRM.rectangle(20, 4, -1, 1, random);
            DMatrixRMaj B = RandomMatrices_DDRM.rectangle(20, 3, -2, 2, random);
            return new MatrixLeastSquares(A, B, solveNormalEquations(A, B));
        }
    }

    /** Logistic regression with labels σ(Ax*), so that x* is the minimum. */
    public record Logistic(DMatrixRMaj A, DMatrixRMaj y, DMatrixRMaj minimum) {
        public static Logistic random(Random random) {
            DMatrixRMaj A = RandomMatrices_DDRM.rectangle(40, 4, -1, 1, random);
            DMatrixRMaj minimum = new DMatrixRMaj(4, 1, true, 1.0, -2.0, 0.5, 1.5);
            return new Logistic(A, MatrixOps.sigmoid(MatrixOps.mult(A, minimum)), minimum);
        }

        public int n() {
            return A.numCols;
        }
    }

    /**
     * Fitting exp(a + k t) to exact samples of exp(0.5 − 1.3 t) at 20 times in [0, 2]: the
     * residuals exp(Ax) − b, with rows (1, t) in A, vanish at x* = (0.5, −1.3). The residuals and
     * their Jacobian are matgrad's, computed by one workspace into the solver's storage.
     */
    public static final class ExponentialFit {
        public final DMatrixRMaj A = new DMatrixRMaj(20, 2);
        public final DMatrixRMaj minimum = new DMatrixRMaj(2, 1, true, 0.5, -1.3);
        public final DMatrixRMaj b;
        private final ProblemsGradients.ExponentialResidualsWorkspace workspace =
                new ProblemsGradients.ExponentialResidualsWorkspace();

        public ExponentialFit() {
            for (int i = 0; i < 20; i++) {
                A.set(i, 0, 1);
                A.set(i, 1, 2.0 * i / 19);
            }
            b = MatrixOps.exp(MatrixOps.mult(A, minimum));
        }

        public int n() {
            return A.numCols;
        }

        public int m() {
            return A.numRows;
        }

        /** r(x) = exp(Ax) − b. */
        public ResidualFunction residuals() {
            return (x, out) -> workspace.value(A, x, b, out);
        }

        /** ∂r/∂x = diag(exp(Ax)) A, generated. */
        public JacobianFunction jacobian() {
            return (x, out) -> workspace.jacobianX(A, x, b, out);
        }
    }

    /**
     * Rosenbrock's function as least squares, r(x) = (10 (x₁ − x₀²), 1 − x₀): the curved valley
     * every nonlinear solver is tried on, with its minimum at (1, 1).
     */
    public static final class Rosenbrock {
        private Rosenbrock() {}

        /** (1, 1). */
        public static DMatrixRMaj minimum() {
            return new DMatrixRMaj(2, 1, true, 1, 1);
        }

        /** (−1.2, 1), the customary start, on the far side of the valley. */
        public static double[] start() {
            return new double[] {-1.2, 1};
        }

        public static void residuals(DMatrixRMaj x, DMatrixRMaj out) {
            out.set(0, 10 * (x.get(1) - x.get(0) * x.get(0)));
            out.set(1, 1 - x.get(0));
        }

        public static void jacobian(DMatrixRMaj x, DMatrixRMaj out) {
            out.set(0, 0, -20 * x.get(0));
            out.set(0, 1, 10);
            out.set(1, 0, -1);
            out.set(1, 1, 0);
        }
    }

    /** (AᵀA)⁻¹AᵀB, for each column of B. */
    static DMatrixRMaj solveNormalEquations(DMatrixRMaj A, DMatrixRMaj B) {
        DMatrixRMaj normal = new DMatrixRMaj(A.numCols, A.numCols);
        CommonOps_DDRM.multInner(A, normal);
        DMatrixRMaj rhs = new DMatrixRMaj(A.numCols, B.numCols);
        CommonOps_DDRM.multTransA(A, B, rhs);
        DMatrixRMaj x = new DMatrixRMaj(A.numCols, B.numCols);
        if (!CommonOps_DDRM.solve(normal, rhs, x)) {
            throw new IllegalStateException("singular normal equations");
        }
        return x;
    }

    /** Every entry of {@code actual} (row-major) within {@code tolerance} of {@code expected}'s. */
    public static void assertNear(DMatrixRMaj expected, double[] actual, double tolerance) {
        assertEquals(expected.getNumElements(), actual.length, "number of parameters");
        for (int i = 0; i < actual.length; i++) {
            if (!(Math.abs(expected.data[i] - actual[i]) <= tolerance)) {
                fail("entry " + i + ": expected " + expected.data[i] + " but was " + actual[i]
                        + "\nexpected: " + java.util.Arrays.toString(expected.data)
                        + "\nactual:   " + java.util.Arrays.toString(actual));
            }
        }
    }
}
