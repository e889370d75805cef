package io.matgrad.benchmarks;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.analysis.differentiation.Gradient;

/** log Σ exp(Ax) in x: A is 50 x 100 (small) or 1000 x 500 (large). */
final class LogSumExpOfAx extends Problem {
    private DMatrixRMaj A;
    private DMatrixRMaj x;
    private final FunctionsGradients.LogSumExpOfAxWorkspace generated = new FunctionsGradients.LogSumExpOfAxWorkspace();
    private final Expert expertCode = new Expert();

    @Override
    protected void createInputs(Size size, Random random) {
        int m = size.pick(50, 1000);
        int n = size.pick(100, 500);
        A = Inputs.uniform(m, n, 1, random);
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
        return Functions.logSumExpOfAx(A, x);
    }

    @Override
    public void generatedGrad() {
        generatedGrad[0] = FunctionsGradients.logSumExpOfAxGradX(A, x);
    }

    @Override
    public double generatedValueAndGrad() {
        return FunctionsGradients.logSumExpOfAxValueAndGrad(A, x, generatedValueAndGrad[0]);
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
        AdMatrix z = AdMatrix.mult(A, AdMatrix.variables(x, 0, x.getNumElements()));
        // Shifted by the largest value (a constant, as far as derivatives go), as MatrixOps does.
        double max = Double.NEGATIVE_INFINITY;
        for (Gradient zi : z.data) {
            max = Math.max(max, zi.getValue());
        }
        double shift = max;
        return AdMatrix.read(z.map(t -> t.subtract(shift).exp()).sum().log().add(shift), runtimeAd);
    }

    /**
     * The expert's code: z = Ax, then one pass of exponentials e^(z − max) kept in place, whose sum
     * is the value and which, scaled by 1/sum, are the softmax p; the gradient is Aᵀp.
     */
    static final class Expert {
        private final DMatrixRMaj z = new DMatrixRMaj(1, 1);

        double valueAndGrad(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj gradX) {
            // z = Ax
            CommonOps_DDRM.mult(A, x, z);
            double[] zs = z.data;
            int m = z.getNumElements();
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                max = Math.max(max, zs[i]);
            }
            // z ← e^(z − max), sum = Σ z
            double sum = 0;
            for (int i = 0; i < m; i++) {
                double e = Math.exp(zs[i] - max);
                zs[i] = e;
                sum += e;
            }
            // gradX = Aᵀ softmax(Ax) = Aᵀz / sum
            CommonOps_DDRM.multTransA(A, z, gradX);
            CommonOps_DDRM.scale(1 / sum, gradX);
            return max + Math.log(sum);
        }
    }
}
