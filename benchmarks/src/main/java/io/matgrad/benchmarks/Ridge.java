package io.matgrad.benchmarks;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;
import org.hipparchus.analysis.differentiation.Gradient;

/** ‖Ax − b‖² + λ‖x‖² in x: A is 200 x 100 (small) or 1000 x 500 (large). */
final class Ridge extends Problem {
    private static final double LAMBDA = 0.1;

    private DMatrixRMaj A;
    private DMatrixRMaj x;
    private DMatrixRMaj b;
    private final FunctionsGradients.RidgeWorkspace generated = new FunctionsGradients.RidgeWorkspace();
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
        return List.of(A, x, b, LAMBDA);
    }

    @Override
    public double forward() {
        return Functions.ridge(A, x, b, LAMBDA);
    }

    @Override
    public void generatedGrad() {
        generatedGrad[0] = FunctionsGradients.ridgeGradX(A, x, b, LAMBDA);
    }

    @Override
    public double generatedValueAndGrad() {
        return FunctionsGradients.ridgeValueAndGrad(A, x, b, LAMBDA, generatedValueAndGrad[0]);
    }

    @Override
    public double workspaceValue() {
        return generated.value(A, x, b, LAMBDA);
    }

    @Override
    public double workspaceValueAndGrad() {
        return generated.valueAndGrad(A, x, b, LAMBDA, workspace[0]);
    }

    @Override
    public double expertValueAndGrad() {
        return expertCode.valueAndGrad(A, x, b, LAMBDA, expert[0]);
    }

    @Override
    public double runtimeAdValueAndGrad() {
        AdMatrix xs = AdMatrix.variables(x, 0, x.getNumElements());
        Gradient f = AdMatrix.mult(A, xs).minus(b).normSq().add(xs.normSq().multiply(LAMBDA));
        return AdMatrix.read(f, runtimeAd);
    }

    /** The expert's code: least squares' plus one fused {@code gradX += 2λx}. */
    static final class Expert {
        private final DMatrixRMaj r = new DMatrixRMaj(1, 1);

        double valueAndGrad(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b, double lambda, DMatrixRMaj gradX) {
            // r = Ax − b
            CommonOps_DDRM.mult(A, x, r);
            CommonOps_DDRM.subtractEquals(r, b);
            // gradX = 2 Aᵀr + 2λx
            CommonOps_DDRM.multTransA(A, r, gradX);
            CommonOps_DDRM.add(2, gradX, 2 * lambda, x, gradX);
            return VectorVectorMult_DDRM.innerProd(r, r) + lambda * VectorVectorMult_DDRM.innerProd(x, x);
        }
    }
}
