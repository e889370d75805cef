package io.matgrad.runtime.usermodels;

import static io.matgrad.runtime.CheckedFunction.Kind.GRADIENT;
import static io.matgrad.runtime.CheckedFunction.Kind.HESSIAN_VECTOR_PRODUCT;
import static io.matgrad.runtime.CheckedFunction.Kind.VALUE_AND_GRADIENT;

import io.matgrad.runtime.CheckedFunction;
import io.matgrad.runtime.CheckedFunctions;
import io.matgrad.runtime.MatrixOps;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Hand-written "generated" derivatives of {@link Wrong}, one right and the others wrong: a gradient
 * missing its factor 2, a value-and-gradient that accumulates into its output instead of
 * overwriting it, a gradient that modifies its argument, and a Hessian-vector product that ignores
 * its direction.
 */
public final class WrongGradientsChecks implements CheckedFunctions {

    @Override
    public List<CheckedFunction> functions() {
        return List.of(
                CheckedFunction.builder("leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b)")
                        .matrix("A", "A.numRows", "A.numCols")
                        .matrix("x", "A.numCols", "1")
                        .matrix("b", "A.numRows", "1")
                        .scalarValue(p -> Wrong.leastSquares(p.matrix(0), p.matrix(1), p.matrix(2)))
                        .matrixDerivative(GRADIENT, "leastSquaresGradX", List.of("x"),
                                p -> ModelsGradientsChecks.leastSquaresGradient(p.matrix(0), p.matrix(1), p.matrix(2),
                                        new DMatrixRMaj(1, 1)))
                        .matrixDerivative(GRADIENT, "LeastSquaresWorkspace.gradX", List.of("x"), p -> {
                            // Aᵀ(Ax − b): the factor 2 forgotten
                            DMatrixRMaj out = ModelsGradientsChecks.leastSquaresGradient(p.matrix(0), p.matrix(1),
                                    p.matrix(2), p.output(0));
                            CommonOps_DDRM.scale(0.5, out);
                            return out;
                        })
                        .scalarDerivative(VALUE_AND_GRADIENT, "leastSquaresValueAndGrad", List.of("x"), p -> {
                            // adds into the output rather than overwriting it
                            DMatrixRMaj gradient = ModelsGradientsChecks.leastSquaresGradient(p.matrix(0), p.matrix(1),
                                    p.matrix(2), new DMatrixRMaj(1, 1));
                            p.output(0).reshape(gradient.numRows, 1);
                            CommonOps_DDRM.addEquals(p.output(0), gradient);
                            return Wrong.leastSquares(p.matrix(0), p.matrix(1), p.matrix(2));
                        })
                        .build(),
                CheckedFunction.builder("sumExp(DMatrixRMaj x)")
                        .matrix("x", "x.numRows", "1")
                        .scalarValue(p -> Wrong.sumExp(p.matrix(0)))
                        .matrixDerivative(GRADIENT, "sumExpGradX", List.of("x"), p -> {
                            DMatrixRMaj x = p.matrix(0);
                            DMatrixRMaj gradient = MatrixOps.exp(x);
                            x.set(0, 0, 0); // writes into its input
                            return gradient;
                        })
                        .matrixDerivative(HESSIAN_VECTOR_PRODUCT, "sumExpHessVecX", List.of("x"),
                                p -> MatrixOps.exp(p.matrix(0))) // diag(e^x) 1: the direction ignored
                        .build());
    }
}
