package io.matgrad.benchmarks;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SpecializedOps_DDRM;

/**
 * ½‖W₂ tanh(W₁X) − Y‖²_F in W₁ and W₂, over a batch X. Small: 4 inputs, 10 hidden, 6 outputs, 20
 * samples (40 + 60 = 100 unknowns); large: 100 inputs, 200 hidden, 10 outputs, 500 samples.
 */
final class TwoLayerTanh extends Problem {
    private DMatrixRMaj W1;
    private DMatrixRMaj W2;
    private DMatrixRMaj X;
    private DMatrixRMaj Y;
    private final FunctionsGradients.TwoLayerTanhWorkspace generated = new FunctionsGradients.TwoLayerTanhWorkspace();
    private final Expert expertCode = new Expert();

    @Override
    protected void createInputs(Size size, Random random) {
        int inputs = size.pick(4, 100);
        int hidden = size.pick(10, 200);
        int outputs = size.pick(6, 10);
        int samples = size.pick(20, 500);
        // Glorot-like scales keep tanh away from saturation.
        W1 = Inputs.uniform(hidden, inputs, 1 / Math.sqrt(inputs), random);
        W2 = Inputs.uniform(outputs, hidden, 1 / Math.sqrt(hidden), random);
        X = Inputs.uniform(inputs, samples, 1, random);
        Y = Inputs.uniform(outputs, samples, 1, random);
    }

    @Override
    protected DMatrixRMaj[] wrt() {
        return new DMatrixRMaj[] {W1, W2};
    }

    @Override
    public List<Object> arguments() {
        return List.of(W1, W2, X, Y);
    }

    @Override
    public double forward() {
        return Functions.twoLayerTanh(W1, W2, X, Y);
    }

    @Override
    public void generatedGrad() {
        generatedGrad[0] = FunctionsGradients.twoLayerTanhGradW1(W1, W2, X, Y);
        generatedGrad[1] = FunctionsGradients.twoLayerTanhGradW2(W1, W2, X, Y);
    }

    @Override
    public double generatedValueAndGrad() {
        return FunctionsGradients.twoLayerTanhValueAndGrad(W1, W2, X, Y, generatedValueAndGrad[0], generatedValueAndGrad[1]);
    }

    @Override
    public double workspaceValue() {
        return generated.value(W1, W2, X, Y);
    }

    @Override
    public double workspaceValueAndGrad() {
        return generated.valueAndGrad(W1, W2, X, Y, workspace[0], workspace[1]);
    }

    @Override
    public double expertValueAndGrad() {
        return expertCode.valueAndGrad(W1, W2, X, Y, expert[0], expert[1]);
    }

    @Override
    public double runtimeAdValueAndGrad() {
        int unknowns = W1.getNumElements() + W2.getNumElements();
        AdMatrix w1 = AdMatrix.variables(W1, 0, unknowns);
        AdMatrix w2 = AdMatrix.variables(W2, W1.getNumElements(), unknowns);
        AdMatrix hidden = AdMatrix.mult(w1, X).map(t -> t.tanh());
        return AdMatrix.read(AdMatrix.mult(w2, hidden).minus(Y).normSq().multiply(0.5), runtimeAd);
    }

    /**
     * The expert's code, backpropagation by hand: H = tanh(W₁X) in place, the output error
     * E = W₂H − Y in place, then W₂ᵀE with tanh' = 1 − H² applied in one loop in place.
     */
    static final class Expert {
        private final DMatrixRMaj hidden = new DMatrixRMaj(1, 1);
        private final DMatrixRMaj error = new DMatrixRMaj(1, 1);
        private final DMatrixRMaj delta = new DMatrixRMaj(1, 1);

        double valueAndGrad(DMatrixRMaj W1, DMatrixRMaj W2, DMatrixRMaj X, DMatrixRMaj Y,
                DMatrixRMaj gradW1, DMatrixRMaj gradW2) {
            // H = tanh(W₁X)
            CommonOps_DDRM.mult(W1, X, hidden);
            double[] h = hidden.data;
            for (int i = 0; i < hidden.getNumElements(); i++) {
                h[i] = Math.tanh(h[i]);
            }
            // E = W₂H − Y
            CommonOps_DDRM.mult(W2, hidden, error);
            CommonOps_DDRM.subtractEquals(error, Y);
            // gradW2 = EHᵀ
            CommonOps_DDRM.multTransB(error, hidden, gradW2);
            // Δ = (W₂ᵀE) ∘ (1 − H²)
            CommonOps_DDRM.multTransA(W2, error, delta);
            double[] d = delta.data;
            for (int i = 0; i < delta.getNumElements(); i++) {
                d[i] *= 1 - h[i] * h[i];
            }
            // gradW1 = ΔXᵀ
            CommonOps_DDRM.multTransB(delta, X, gradW1);
            return 0.5 * SpecializedOps_DDRM.elementSumSq(error);
        }
    }
}
