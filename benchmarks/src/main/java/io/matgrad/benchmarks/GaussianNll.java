package io.matgrad.benchmarks;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.linear.FieldLUDecomposition;
import org.hipparchus.linear.FieldMatrix;
import org.hipparchus.linear.MatrixUtils;

/**
 * ln|S| + tr(S⁻¹C) in the covariance S: 10 x 10 (small) or 200 x 200 (large); S and the scatter C
 * are symmetric positive definite, as they are in a Gaussian's likelihood.
 */
final class GaussianNll extends Problem {
    private DMatrixRMaj S;
    private DMatrixRMaj C;
    private final FunctionsGradients.GaussianNllWorkspace generated = new FunctionsGradients.GaussianNllWorkspace();
    private final Expert expertCode = new Expert();

    @Override
    protected void createInputs(Size size, Random random) {
        int n = size.pick(10, 200);
        S = Inputs.covariance(n, random);
        C = Inputs.covariance(n, random);
    }

    @Override
    protected DMatrixRMaj[] wrt() {
        return new DMatrixRMaj[] {S};
    }

    @Override
    public List<Object> arguments() {
        return List.of(S, C);
    }

    @Override
    public double forward() {
        return Functions.gaussianNll(S, C);
    }

    @Override
    public void generatedGrad() {
        generatedGrad[0] = FunctionsGradients.gaussianNllGradS(S, C);
    }

    @Override
    public double generatedValueAndGrad() {
        return FunctionsGradients.gaussianNllValueAndGrad(S, C, generatedValueAndGrad[0]);
    }

    @Override
    public double workspaceValue() {
        return generated.value(S, C);
    }

    @Override
    public double workspaceValueAndGrad() {
        return generated.valueAndGrad(S, C, workspace[0]);
    }

    @Override
    public double expertValueAndGrad() {
        return expertCode.valueAndGrad(S, C, expert[0]);
    }

    /** With the library's own LU over Gradients: ln|det S| from its determinant, S⁻¹ from its solver. */
    @Override
    public double runtimeAdValueAndGrad() {
        int n = S.numRows;
        AdMatrix s = AdMatrix.variables(S, 0, S.getNumElements());
        Gradient[][] rows = new Gradient[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(s.data, i * n, rows[i], 0, n);
        }
        FieldMatrix<Gradient> matrix = MatrixUtils.createFieldMatrix(rows);
        // Pivot by magnitude (numericPermutationChoice), as EJML's LU does.
        FieldLUDecomposition<Gradient> lu = new FieldLUDecomposition<>(matrix, g -> g.getValue() == 0, true);
        Gradient logDet = lu.getDeterminant().abs().log();
        FieldMatrix<Gradient> inverse = lu.getSolver().getInverse();
        // tr(S⁻¹C) = Σ_ik (S⁻¹)_ik C_ki
        Gradient trace = logDet.getField().getZero();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                trace = trace.add(inverse.getEntry(i, k).multiply(C.unsafe_get(k, i)));
            }
        }
        return AdMatrix.read(logDet.add(trace), runtimeAd);
    }

    /**
     * The expert's code: one Cholesky factorization S = LLᵀ gives both ln|S| = 2 Σ ln L_ii and
     * the symmetric S⁻¹. With P = S⁻¹C, the trace is tr(P) and the gradient
     * S⁻ᵀ − S⁻ᵀCᵀS⁻ᵀ = S⁻¹ − (PS⁻¹)ᵀ: two plain products and a transpose, because EJML's plain
     * product is about twice as fast as its multTransB on large square matrices (see
     * KernelChoices). An expert may use Cholesky because S is a covariance; matgrad cannot know
     * that at compile time (though MatrixOps.logDet tests for it at run time).
     */
    static final class Expert {
        private final CholeskyDecompositionInner_DDRM cholesky = new CholeskyDecompositionInner_DDRM(true);
        private final LinearSolverChol_DDRM solver = new LinearSolverChol_DDRM(cholesky);
        private final DMatrixRMaj factor = new DMatrixRMaj(1, 1);
        private final DMatrixRMaj inverse = new DMatrixRMaj(1, 1);
        private final DMatrixRMaj p = new DMatrixRMaj(1, 1);
        private final DMatrixRMaj q = new DMatrixRMaj(1, 1);

        double valueAndGrad(DMatrixRMaj S, DMatrixRMaj C, DMatrixRMaj gradS) {
            int n = S.numRows;
            // S = LLᵀ, factored in place in a copy
            factor.setTo(S);
            if (!solver.setA(factor)) {
                throw new IllegalArgumentException("S is not positive definite");
            }
            // ln|S| = 2 Σ ln L_ii
            double logDet = 0;
            for (int i = 0; i < n; i++) {
                logDet += Math.log(factor.unsafe_get(i, i));
            }
            logDet *= 2;
            // inverse = S⁻¹
            inverse.reshape(n, n);
            solver.invert(inverse);
            // P = S⁻¹C, tr(S⁻¹C) = tr(P)
            CommonOps_DDRM.mult(inverse, C, p);
            double trace = CommonOps_DDRM.trace(p);
            // gradS = S⁻¹ − (PS⁻¹)ᵀ
            CommonOps_DDRM.mult(p, inverse, q);
            CommonOps_DDRM.transpose(q, gradS);
            CommonOps_DDRM.subtract(inverse, gradS, gradS);
            return logDet + trace;
        }
    }
}
