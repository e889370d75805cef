package io.matgrad.benchmarks;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;

/** tr(AXB) in X, all square: 10 x 10 (small) or 250 x 250 (large). */
final class TraceAXB extends Problem {
    private DMatrixRMaj A;
    private DMatrixRMaj X;
    private DMatrixRMaj B;
    private final FunctionsGradients.TraceAXBWorkspace generated = new FunctionsGradients.TraceAXBWorkspace();
    private final Expert expertCode = new Expert();

    @Override
    protected void createInputs(Size size, Random random) {
        int n = size.pick(10, 250);
        A = Inputs.uniform(n, n, 1, random);
        X = Inputs.uniform(n, n, 1, random);
        B = Inputs.uniform(n, n, 1, random);
    }

    @Override
    protected DMatrixRMaj[] wrt() {
        return new DMatrixRMaj[] {X};
    }

    @Override
    public List<Object> arguments() {
        return List.of(A, X, B);
    }

    @Override
    public double forward() {
        return Functions.traceAXB(A, X, B);
    }

    @Override
    public void generatedGrad() {
        generatedGrad[0] = FunctionsGradients.traceAXBGradX(A, X, B);
    }

    @Override
    public double generatedValueAndGrad() {
        return FunctionsGradients.traceAXBValueAndGrad(A, X, B, generatedValueAndGrad[0]);
    }

    @Override
    public double workspaceValue() {
        return generated.value(A, X, B);
    }

    @Override
    public double workspaceValueAndGrad() {
        return generated.valueAndGrad(A, X, B, workspace[0]);
    }

    @Override
    public double expertValueAndGrad() {
        return expertCode.valueAndGrad(A, X, B, expert[0]);
    }

    @Override
    public double runtimeAdValueAndGrad() {
        AdMatrix x = AdMatrix.variables(X, 0, X.getNumElements());
        return AdMatrix.read(AdMatrix.mult(AdMatrix.mult(A, x), B).trace(), runtimeAd);
    }

    /**
     * The expert's code: the gradient G = AᵀBᵀ is one product, and the value needs no other, since
     * tr(AXB) = ⟨AᵀBᵀ, X⟩. (AᵀBᵀ as (BA)ᵀ: EJML's plain product and a transpose beat multTransAB,
     * which also allocates a work array when large.)
     */
    static final class Expert {
        private final DMatrixRMaj ba = new DMatrixRMaj(1, 1);

        double valueAndGrad(DMatrixRMaj A, DMatrixRMaj X, DMatrixRMaj B, DMatrixRMaj gradX) {
            // gradX = AᵀBᵀ = (BA)ᵀ
            CommonOps_DDRM.mult(B, A, ba);
            CommonOps_DDRM.transpose(ba, gradX);
            // f = ⟨gradX, X⟩
            return VectorVectorMult_DDRM.innerProd(gradX, X);
        }
    }
}
