package io.matgrad.benchmarks;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;

/** xᵀAx in x for a general A: 100 x 100 (small) or 1000 x 1000 (large). */
final class QuadraticForm extends Problem {
    private DMatrixRMaj A;
    private DMatrixRMaj x;
    private final FunctionsGradients.QuadraticFormWorkspace generated = new FunctionsGradients.QuadraticFormWorkspace();
    private final Expert expertCode = new Expert();

    @Override
    protected void createInputs(Size size, Random random) {
        int n = size.pick(100, 1000);
        A = Inputs.uniform(n, n, 1, random);
        x = Inputs.uniform(n, 1, 1, random);
    }

    @Override
    protected DMatrixRMaj[] wrt() {
        return new DMatrixRMaj[] {x};
    }

    @Override
    public List<Object> arguments() {
        return List.of(A, x);
    }

    @Override
    public double forward() {
        return Functions.quadraticForm(A, x);
    }

    @Override
    public void generatedGrad() {
        generatedGrad[0] = FunctionsGradients.quadraticFormGradX(A, x);
    }

    @Override
    public double generatedValueAndGrad() {
        return FunctionsGradients.quadraticFormValueAndGrad(A, x, generatedValueAndGrad[0]);
    }

    @Override
    public double workspaceValue() {
        return generated.value(A, x);
    }

    @Override
    public double workspaceValueAndGrad() {
        return generated.valueAndGrad(A, x, workspace[0]);
    }

    @Override
    public double expertValueAndGrad() {
        return expertCode.valueAndGrad(A, x, expert[0]);
    }

    @Override
    public double runtimeAdValueAndGrad() {
        AdMatrix xs = AdMatrix.variables(x, 0, x.getNumElements());
        return AdMatrix.read(xs.dot(AdMatrix.mult(A, xs)), runtimeAd);
    }

    /** The expert's code: Ax once, shared by the value and the gradient (A + Aᵀ)x. */
    static final class Expert {
        private final DMatrixRMaj ax = new DMatrixRMaj(1, 1);

        double valueAndGrad(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj gradX) {
            // ax = Ax
            CommonOps_DDRM.mult(A, x, ax);
            // gradX = Aᵀx + ax
            CommonOps_DDRM.multTransA(A, x, gradX);
            CommonOps_DDRM.addEquals(gradX, ax);
            return VectorVectorMult_DDRM.innerProd(x, ax);
        }
    }
}
