package com.example.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.GradientCheck;
import io.matgrad.solvers.ddogleg.DdoglegObjective;
import java.util.Random;
import org.ddogleg.optimization.FactoryOptimization;
import org.ddogleg.optimization.UnconstrainedMinimization;
import org.ddogleg.optimization.UtilOptimize;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/** What a user tests: the generated derivatives are right, and a solver finds the known minimum with them. */
class ModelsTest {
    private static final double LAMBDA = 0.5;
    private final Random random = new Random(1);
    private final DMatrixRMaj A = RandomMatrices_DDRM.rectangle(25, 3, -1, 1, random);
    private final DMatrixRMaj b = RandomMatrices_DDRM.rectangle(25, 1, -1, 1, random);

    /** The one line that checks every generated method of a class whose models are main sources. */
    @Test
    void everyGeneratedDerivativeAgreesWithCentralDifferences() {
        GradientCheck.verifyAll(Models.class);
    }

    @Test
    void theGeneratedGradientAgreesWithFiniteDifferences() {
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(3, 1, -1, 1, random);
        GradientCheck.check(v -> Models.ridge(A, v, b, LAMBDA), ModelsGradients.ridgeGradX(A, x, b, LAMBDA), x)
                .requireBelow(1e-6);
    }

    @Test
    void theGeneratedHessianAndHessianVectorProductAgreeWithFiniteDifferences() {
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(3, 1, -1, 1, random);
        DMatrixRMaj v = RandomMatrices_DDRM.rectangle(3, 1, -1, 1, random);
        GradientCheck.checkHessian(u -> Models.ridge(A, u, b, LAMBDA), ModelsGradients.ridgeHessianX(A, x, b, LAMBDA), x)
                .requireBelow(1e-5);
        GradientCheck.checkHessianVectorProduct(u -> ModelsGradients.ridgeGradX(A, u, b, LAMBDA),
                ModelsGradients.ridgeHessVecX(A, x, b, LAMBDA, v), x, v).requireBelow(1e-6);
    }

    @Test
    void bfgsWithTheGeneratedGradientFindsTheClosedFormMinimum() {
        DdoglegObjective objective = DdoglegObjective.of(3,
                (x, grad) -> ModelsGradients.ridgeValueAndGrad(A, x, b, LAMBDA, grad));
        UnconstrainedMinimization bfgs = FactoryOptimization.quasiNewtonBfgs(null);
        bfgs.setFunction(objective.function(), objective.gradient(), 0);
        bfgs.initialize(new double[3], 0, 1e-10);
        UtilOptimize.process(bfgs, 500);

        // (AᵀA + λI) x = Aᵀb
        DMatrixRMaj normal = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multInner(A, normal);
        for (int i = 0; i < 3; i++) {
            normal.add(i, i, LAMBDA);
        }
        DMatrixRMaj rhs = new DMatrixRMaj(3, 1);
        CommonOps_DDRM.multTransA(A, b, rhs);
        DMatrixRMaj expected = new DMatrixRMaj(3, 1);
        assertTrue(CommonOps_DDRM.solve(normal, rhs, expected));
        DMatrixRMaj found = DMatrixRMaj.wrap(3, 1, bfgs.getParameters());
        assertTrue(GradientCheck.relativeError(expected, found) < 1e-7, () -> "found " + found + "expected " + expected);
    }
}
