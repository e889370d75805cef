package io.matgrad.benchmarks;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.analysis.differentiation.Gradient;

/** Σ softplus(Xw) − yᵀXw in w: X is 200 x 100 (small) or 1000 x 500 (large). */
final class Logistic extends Problem {
    private DMatrixRMaj X;
    private DMatrixRMaj w;
    private DMatrixRMaj y;
    private final FunctionsGradients.LogisticWorkspace generated = new FunctionsGradients.LogisticWorkspace();
    private final Expert expertCode = new Expert();

    @Override
    protected void createInputs(Size size, Random random) {
        int m = size.pick(200, 1000);
        int n = size.pick(100, 500);
        X = Inputs.uniform(m, n, 1, random);
        // Scaled so that the margins Xw are of order 1: sigmoid neither saturates nor is linear.
        w = Inputs.uniform(n, 1, 2 / Math.sqrt(n), random);
        y = Inputs.labels(m, random);
    }

    @Override
    protected DMatrixRMaj[] wrt() {
        return new DMatrixRMaj[] {w};
    }

    @Override
    public List<Object> arguments() {
        return List.of(X, w, y);
    }

    @Override
    public double forward() {
        return Functions.logistic(X, w, y);
    }

    @Override
    public void generatedGrad() {
        generatedGrad[0] = FunctionsGradients.logisticGradW(X, w, y);
    }

    @Override
    public double generatedValueAndGrad() {
        return FunctionsGradients.logisticValueAndGrad(X, w, y, generatedValueAndGrad[0]);
    }

    @Override
    public double workspaceValue() {
        return generated.value(X, w, y);
    }

    @Override
    public double workspaceValueAndGrad() {
        return generated.valueAndGrad(X, w, y, workspace[0]);
    }

    @Override
    public double expertValueAndGrad() {
        return expertCode.valueAndGrad(X, w, y, expert[0]);
    }

    @Override
    public double runtimeAdValueAndGrad() {
        AdMatrix z = AdMatrix.mult(X, AdMatrix.variables(w, 0, w.getNumElements()));
        Gradient f = z.map(Logistic::softplus).sum().subtract(z.dot(y));
        return AdMatrix.read(f, runtimeAd);
    }

    /** softplus(t) = max(t, 0) + log1p(e^−|t|), the stable form MatrixOps uses. */
    private static Gradient softplus(Gradient t) {
        Gradient tail = t.abs().negate().exp().log1p();
        return t.getValue() > 0 ? tail.add(t) : tail;
    }

    /**
     * The expert's code: one pass over the margins computes softplus, the value and the residual
     * σ(z) − y from a single exponential each, in place; then one matrix-vector product.
     */
    static final class Expert {
        private final DMatrixRMaj z = new DMatrixRMaj(1, 1);

        double valueAndGrad(DMatrixRMaj X, DMatrixRMaj w, DMatrixRMaj y, DMatrixRMaj gradW) {
            // z = Xw
            CommonOps_DDRM.mult(X, w, z);
            // f = Σ softplus(z_i) − y_i z_i;  z_i ← σ(z_i) − y_i
            double f = 0;
            double[] zs = z.data;
            for (int i = 0; i < z.getNumElements(); i++) {
                double zi = zs[i];
                double e = Math.exp(-Math.abs(zi));
                f += Math.max(zi, 0) + Math.log1p(e) - y.data[i] * zi;
                double sigmoid = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
                zs[i] = sigmoid - y.data[i];
            }
            // gradW = Xᵀ(σ(z) − y)
            CommonOps_DDRM.multTransA(X, z, gradW);
            return f;
        }
    }
}
