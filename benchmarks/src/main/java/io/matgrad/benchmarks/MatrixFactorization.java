package io.matgrad.benchmarks;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SpecializedOps_DDRM;

/**
 * ‖Y − UVᵀ‖²_F in U and V: Y is 10 x 10 with rank 5 factors (small, 100 unknowns) or 500 x 400
 * with rank 20 factors (large).
 */
final class MatrixFactorization extends Problem {
    private DMatrixRMaj Y;
    private DMatrixRMaj U;
    private DMatrixRMaj V;
    private final FunctionsGradients.MatrixFactorizationWorkspace generated = new FunctionsGradients.MatrixFactorizationWorkspace();
    private final Expert expertCode = new Expert();

    @Override
    protected void createInputs(Size size, Random random) {
        int m = size.pick(10, 500);
        int n = size.pick(10, 400);
        int rank = size.pick(5, 20);
        Y = Inputs.uniform(m, n, 1, random);
        U = Inputs.uniform(m, rank, 1 / Math.sqrt(rank), random);
        V = Inputs.uniform(n, rank, 1 / Math.sqrt(rank), random);
    }

    @Override
    protected DMatrixRMaj[] wrt() {
        return new DMatrixRMaj[] {U, V};
    }

    @Override
    public List<Object> arguments() {
        return List.of(Y, U, V);
    }

    @Override
    public double forward() {
        return Functions.matrixFactorization(Y, U, V);
    }

    @Override
    public void generatedGrad() {
        generatedGrad[0] = FunctionsGradients.matrixFactorizationGradU(Y, U, V);
        generatedGrad[1] = FunctionsGradients.matrixFactorizationGradV(Y, U, V);
    }

    @Override
    public double generatedValueAndGrad() {
        return FunctionsGradients.matrixFactorizationValueAndGrad(Y, U, V, generatedValueAndGrad[0], generatedValueAndGrad[1]);
    }

    @Override
    public double workspaceValue() {
        return generated.value(Y, U, V);
    }

    @Override
    public double workspaceValueAndGrad() {
        return generated.valueAndGrad(Y, U, V, workspace[0], workspace[1]);
    }

    @Override
    public double expertValueAndGrad() {
        return expertCode.valueAndGrad(Y, U, V, expert[0], expert[1]);
    }

    @Override
    public double runtimeAdValueAndGrad() {
        int unknowns = U.getNumElements() + V.getNumElements();
        AdMatrix u = AdMatrix.variables(U, 0, unknowns);
        AdMatrix v = AdMatrix.variables(V, U.getNumElements(), unknowns);
        return AdMatrix.read(AdMatrix.multTransB(u, v).minus(Y).normSq(), runtimeAd);
    }

    /**
     * The expert's code: the residual R = UVᵀ − Y once (its sign flipped so that it is built by
     * one product and one in-place subtraction), then one product per factor with the 2 in alpha.
     */
    static final class Expert {
        private final DMatrixRMaj residual = new DMatrixRMaj(1, 1);

        double valueAndGrad(DMatrixRMaj Y, DMatrixRMaj U, DMatrixRMaj V, DMatrixRMaj gradU, DMatrixRMaj gradV) {
            // R = UVᵀ − Y
            CommonOps_DDRM.multTransB(U, V, residual);
            CommonOps_DDRM.subtractEquals(residual, Y);
            // gradU = 2RV, gradV = 2RᵀU
            CommonOps_DDRM.mult(2, residual, V, gradU);
            CommonOps_DDRM.multTransA(2, residual, U, gradV);
            return SpecializedOps_DDRM.elementSumSq(residual);
        }
    }
}
