package io.matgrad.runtime.usermodels;

import static io.matgrad.runtime.CheckedFunction.Kind.GRADIENT;
import static io.matgrad.runtime.CheckedFunction.Kind.HESSIAN;
import static io.matgrad.runtime.CheckedFunction.Kind.HESSIAN_VECTOR_PRODUCT;
import static io.matgrad.runtime.CheckedFunction.Kind.JACOBIAN;
import static io.matgrad.runtime.CheckedFunction.Kind.VALUE;
import static io.matgrad.runtime.CheckedFunction.Kind.VALUE_AND_GRADIENT;

import io.matgrad.runtime.CheckedFunction;
import io.matgrad.runtime.CheckedFunctions;
import io.matgrad.runtime.MatrixOps;
import io.matgrad.runtime.Sampler.Constraint;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * What matgrad would generate for {@link Models}, written by hand with closed-form derivatives
 * (2Aᵀ(Ax − b), S⁻ᵀ + xxᵀ, ...): right, so verifyAll must pass it.
 */
public final class ModelsGradientsChecks implements CheckedFunctions {

    @Override
    public List<CheckedFunction> functions() {
        return List.of(leastSquares(), logDetQuadratic(), sqrtSum(), scaled(), affine(), sqrtOfSum());
    }

    static DMatrixRMaj leastSquaresGradient(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b, DMatrixRMaj out) {
        DMatrixRMaj r = MatrixOps.sub(MatrixOps.mult(A, x), b);
        out.reshape(x.numRows, 1);
        CommonOps_DDRM.multTransA(2, A, r, out);
        return out;
    }

    private static CheckedFunction leastSquares() {
        return CheckedFunction.builder("leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b)")
                .matrix("A", "A.numRows", "A.numCols")
                .matrix("x", "A.numCols", "1")
                .matrix("b", "A.numRows", "1")
                .scalarValue(p -> Models.leastSquares(p.matrix(0), p.matrix(1), p.matrix(2)))
                .matrixDerivative(GRADIENT, "leastSquaresGradX", List.of("x"),
                        p -> leastSquaresGradient(p.matrix(0), p.matrix(1), p.matrix(2), new DMatrixRMaj(1, 1)))
                .scalarDerivative(VALUE_AND_GRADIENT, "leastSquaresValueAndGrad", List.of("x"), p -> {
                    leastSquaresGradient(p.matrix(0), p.matrix(1), p.matrix(2), p.output(0));
                    return Models.leastSquares(p.matrix(0), p.matrix(1), p.matrix(2));
                })
                .matrixDerivative(HESSIAN, "leastSquaresHessianX", List.of("x"), p -> {
                    DMatrixRMaj h = new DMatrixRMaj(1, 1);
                    CommonOps_DDRM.multTransA(2, p.matrix(0), p.matrix(0), h);
                    return h;
                })
                .matrixDerivative(HESSIAN_VECTOR_PRODUCT, "leastSquaresHessVecX", List.of("x"), p -> {
                    DMatrixRMaj av = MatrixOps.mult(p.matrix(0), p.direction());
                    DMatrixRMaj out = p.output(0);
                    out.reshape(p.matrix(1).numRows, 1);
                    CommonOps_DDRM.multTransA(2, p.matrix(0), av, out);
                    return out;
                })
                .build();
    }

    private static CheckedFunction logDetQuadratic() {
        return CheckedFunction.builder("logDetQuadratic(DMatrixRMaj S, DMatrixRMaj x)")
                .matrix("S", "S.numRows", "S.numRows", Constraint.POSITIVE_DEFINITE)
                .matrix("x", "S.numRows", "x.numCols")
                .scalarValue(p -> Models.logDetQuadratic(p.matrix(0), p.matrix(1)))
                .matrixDerivative(GRADIENT, "logDetQuadraticGradS", List.of("S"), p -> {
                    // S⁻ᵀ + x xᵀ
                    DMatrixRMaj g = MatrixOps.transpose(MatrixOps.inv(p.matrix(0)));
                    CommonOps_DDRM.multAddTransB(p.matrix(1), p.matrix(1), g);
                    return g;
                })
                .matrixDerivative(GRADIENT, "logDetQuadraticGradX", List.of("x"), p -> {
                    // (S + Sᵀ) x
                    DMatrixRMaj sym = MatrixOps.add(p.matrix(0), MatrixOps.transpose(p.matrix(0)));
                    return MatrixOps.mult(sym, p.matrix(1));
                })
                .build();
    }

    private static CheckedFunction sqrtSum() {
        return CheckedFunction.builder("sqrtSum(DMatrixRMaj x)")
                .matrix("x", "x.numRows", "x.numCols", Constraint.POSITIVE)
                .scalarValue(p -> Models.sqrtSum(p.matrix(0)))
                .matrixDerivative(GRADIENT, "sqrtSumGradX", List.of("x"),
                        p -> MatrixOps.scale(0.5, MatrixOps.pow(p.matrix(0), -0.5)))
                .build();
    }

    private static CheckedFunction scaled() {
        return CheckedFunction.builder("scaled(DMatrixRMaj x, double s)")
                .matrix("x", "x.numRows", "1")
                .scalar("s")
                .scalarValue(p -> Models.scaled(p.matrix(0), p.scalar(1)))
                .scalarDerivative(GRADIENT, "scaledGradS", List.of("s"),
                        p -> 2 * p.scalar(1) * MatrixOps.normSq(p.matrix(0)))
                .scalarDerivative(HESSIAN, "scaledHessianS", List.of("s"), p -> 2 * MatrixOps.normSq(p.matrix(0)))
                .matrixDerivative(GRADIENT, "scaledGradX", List.of("x"),
                        p -> MatrixOps.scale(2 * p.scalar(1) * p.scalar(1), p.matrix(0)))
                .matrixDerivative(HESSIAN, "ScaledWorkspace.hessianX", List.of("x"), p -> {
                    DMatrixRMaj out = p.output(0);
                    int n = p.matrix(0).numRows;
                    out.reshape(n, n);
                    CommonOps_DDRM.setIdentity(out);
                    CommonOps_DDRM.scale(2 * p.scalar(1) * p.scalar(1), out);
                    return out;
                })
                .scalarDerivative(VALUE, "ScaledWorkspace.value", List.of(),
                        p -> p.scalar(1) * p.scalar(1) * MatrixOps.dot(p.matrix(0), p.matrix(0)))
                .build();
    }

    private static CheckedFunction affine() {
        return CheckedFunction.builder("affine(DMatrixRMaj A, DMatrixRMaj x, double s)")
                .matrix("A", "A.numRows", "A.numCols")
                .matrix("x", "A.numCols", "1")
                .scalar("s")
                .matrixValue(p -> Models.affine(p.matrix(0), p.matrix(1), p.scalar(2)))
                .matrixDerivative(JACOBIAN, "affineJacobianX", List.of("x"), p -> MatrixOps.scale(p.scalar(2), p.matrix(0)))
                .matrixDerivative(JACOBIAN, "affineJacobianS", List.of("s"), p -> MatrixOps.mult(p.matrix(0), p.matrix(1)))
                .matrixDerivative(VALUE, "AffineWorkspace.value", List.of(), p -> {
                    DMatrixRMaj out = p.output(0);
                    out.reshape(p.matrix(0).numRows, 1);
                    CommonOps_DDRM.mult(p.scalar(2), p.matrix(0), p.matrix(1), out);
                    return out;
                })
                .build();
    }

    private static CheckedFunction sqrtOfSum() {
        return CheckedFunction.builder("sqrtOfSum(DMatrixRMaj x)")
                .matrix("x", "x.numRows", "x.numCols")
                .scalarValue(p -> Models.sqrtOfSum(p.matrix(0)))
                .matrixDerivative(GRADIENT, "sqrtOfSumGradX", List.of("x"), p -> {
                    DMatrixRMaj g = p.matrix(0).createLike();
                    g.fill(0.5 / Math.sqrt(MatrixOps.sum(p.matrix(0))));
                    return g;
                })
                .build();
    }
}
