package io.matgrad.benchmarks;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;

/** ‖Ax − b‖² in x: A is 200 x 100 (small) or 1000 x 500 (large). */
final class LeastSquares extends Problem {
    private DMatrixRMaj A;
    private DMatrixRMaj x;
    private DMatrixRMaj b;
    private final FunctionsGradients.LeastSquaresWorkspace generated = new FunctionsGradients.LeastSquaresWorkspace();
    private final Expert expertCode = new Expert();

    @Override
    protected void createInputs(Size size, Random random) {
        int m = size.pick(200, 1000);
        int n = size.pick(100, 500);
        A = Inputs.uniform(m, n, 1, random);
        x = Inputs.uniform(n, 1, 1, random);
        b = Inputs.uniform(m, 1, 1, random);
    }

    @Override
    protected DMatrixRMaj[] wrt() {
        return new DMatrixRMaj[] {x};
    }

    @Override
    public List<Object> arguments() {
        return List.of(A, x, b);
    }

    @Override
    public double forward() {
        return Functions.leastSquares(A, x, b);
    }

    @Override
    public void generatedGrad() {
        generatedGrad[0] = FunctionsGradients.leastSquaresGradX(A, x, b);
    }

    @Override
    public double generatedValueAndGrad() {
        return FunctionsGradients.leastSquaresValueAndGrad(A, x, b, generatedValueAndGrad[0]);
    }

    @Override
    public double workspaceValue() {
        return generated.value(A, x, b);
    }

    @Override
    public double workspaceValueAndGrad() {
        return generated.valueAndGrad(A, x, b, workspace[0]);
    }

    @Override
    public double expertValueAndGrad() {
        return expertCode.valueAndGrad(A, x, b, expert[0]);
    }

    @Override
    public double runtimeAdValueAndGrad() {
        AdMatrix r = AdMatrix.mult(A, AdMatrix.variables(x, 0, x.getNumElements())).minus(b);
        return AdMatrix.read(r.normSq(), runtimeAd);
    }

    /** The expert's code: one residual workspace, the factor 2 applied to the n-vector, not the m-vector. */
    static final class Expert {
        private final DMatrixRMaj r = new DMatrixRMaj(1, 1);

        double valueAndGrad(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b, DMatrixRMaj gradX) {
            // r = Ax − b
            CommonOps_DDRM.mult(A, x, r);
            CommonOps_DDRM.subtractEquals(r, b);
            // gradX = 2 Aᵀr
            CommonOps_DDRM.multTransA(A, r, gradX);
            CommonOps_DDRM.scale(2, gradX);
            return VectorVectorMult_DDRM.innerProd(r, r);
        }
    }
}
