package io.matgrad.runtime;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Numerical derivatives by central finite differences, to check exact (generated) derivatives
 * against, in tests and in user code:
 *
 * <pre>{@code
 * DMatrixRMaj analytic = ModelsGradients.leastSquaresGradX(A, x, b);
 * GradientCheck.check(v -> Models.leastSquares(A, v, b), analytic, x).requireBelow(1e-6);
 * }</pre>
 *
 * <p>Every derivative uses the step {@code h = 1e-6 max(1, |x|)} for the entry {@code x} being
 * perturbed: relative to the entry, so large entries are not perturbed below their rounding
 * error, and absolute near 0. For smooth, well-scaled functions the central difference then
 * agrees with the exact derivative to roughly {@code 1e-8} relative (truncation error
 * {@code O(h^2)}, rounding error {@code O(eps / h)}), so tolerances around {@code 1e-6} separate
 * right from wrong gradients.
 *
 * <p>The function always receives a private copy of {@code x} with one entry perturbed; the
 * caller's {@code x} is never modified, not even transiently. The function must not modify its
 * argument.
 */
public final class GradientCheck {

    /** Below this norm, errors are measured absolutely rather than relative to a vanishing norm. */
    private static final double ERROR_FLOOR = 1e-8;

    private GradientCheck() {}

    /**
     * The gradient of a scalar function of a matrix, shaped like {@code x}: entry ij is
     * {@code ∂f/∂x_ij} (denominator layout, like generated {@code nameGradX} methods).
     */
    public static DMatrixRMaj numericalGradient(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x) {
        DMatrixRMaj probe = x.copy();
        DMatrixRMaj gradient = x.createLike();
        for (int i = 0; i < x.getNumElements(); i++) {
            int entry = i;
            gradient.data[i] = numericalDerivative(t -> f.applyAsDouble(with(probe, entry, t)), x.data[i]);
            probe.data[i] = x.data[i];
        }
        return gradient;
    }

    /**
     * The derivative {@code f'(x)} of a scalar function, as
     * {@code (f(x + h) - f(x - h)) / ((x + h) - (x - h))}: dividing by the distance between the two
     * points as actually rounded, rather than by {@code 2h}, removes the error of representing
     * {@code x ± h}.
     */
    public static double numericalDerivative(DoubleUnaryOperator f, double x) {
        double h = step(x);
        double up = x + h;
        double down = x - h;
        return (f.applyAsDouble(up) - f.applyAsDouble(down)) / (up - down);
    }

    /**
     * The Jacobian of a matrix function of a matrix: m x n, where m is the number of entries of
     * {@code f(x)} and n that of {@code x}, in numerator layout (entry ij is {@code ∂f_i/∂x_j}, like
     * generated {@code nameJacobianX} methods).
     *
     * <p>Entries of matrix-shaped {@code x} and {@code f(x)} are numbered in column-major order,
     * {@code vec(X)} stacking the columns of X (so {@code x_j} with {@code j = col * rows + row}),
     * the convention of the matrix-calculus literature: the Jacobian of {@code X -> A X} is then
     * {@code I ⊗ A}. For column vectors this is simply their order.
     *
     * @throws IllegalArgumentException if {@code f} does not return the same shape at every point
     */
    public static DMatrixRMaj numericalJacobian(Function<DMatrixRMaj, DMatrixRMaj> f, DMatrixRMaj x) {
        DMatrixRMaj probe = x.copy();
        // copies: f may return the same workspace on every call
        DMatrixRMaj value = f.apply(probe).copy();
        DMatrixRMaj jacobian = new DMatrixRMaj(value.getNumElements(), x.getNumElements());
        for (int j = 0; j < x.getNumElements(); j++) {
            int entry = rowMajorIndex(x, j);
            double xj = x.data[entry];
            double h = step(xj);
            double up = xj + h;
            double down = xj - h;
            DMatrixRMaj valueUp = f.apply(with(probe, entry, up)).copy();
            DMatrixRMaj valueDown = f.apply(with(probe, entry, down));
            probe.data[entry] = xj;
            Shapes.requireSameShape("numericalJacobian(f, x)", "f(x)", value, "f(x + h e_j)", valueUp);
            Shapes.requireSameShape("numericalJacobian(f, x)", "f(x)", value, "f(x - h e_j)", valueDown);
            for (int i = 0; i < jacobian.numRows; i++) {
                int fi = rowMajorIndex(value, i);
                jacobian.unsafe_set(i, j, (valueUp.data[fi] - valueDown.data[fi]) / (up - down));
            }
        }
        return jacobian;
    }

    /**
     * {@code ||actual - expected||_F / max(||expected||_F, ||actual||_F, 1e-8)}: relative to the
     * larger norm, so symmetric in its arguments and at most 2; absolute below {@code 1e-8}, so two
     * (near-)zero matrices compare as equal (0 when both are zero) instead of dividing by zero.
     * NaN if either matrix has a NaN or infinite entry, so that no tolerance accepts it (EJML's
     * {@code normF} would report an all-NaN matrix as having norm 0).
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double relativeError(DMatrixRMaj expected, DMatrixRMaj actual) {
        Shapes.requireSameShape("relativeError(expected, actual)", "expected", expected, "actual", actual);
        if (MatrixFeatures_DDRM.hasUncountable(expected) || MatrixFeatures_DDRM.hasUncountable(actual)) {
            return Double.NaN;
        }
        DMatrixRMaj difference = CommonOps_DDRM.subtract(actual, expected, expected.createLike());
        return relative(NormOps_DDRM.normF(difference), NormOps_DDRM.normF(expected), NormOps_DDRM.normF(actual));
    }

    /** {@code |actual - expected| / max(|expected|, |actual|, 1e-8)}, the scalar case of {@link #relativeError(DMatrixRMaj, DMatrixRMaj)}. */
    public static double relativeError(double expected, double actual) {
        return relative(Math.abs(actual - expected), Math.abs(expected), Math.abs(actual));
    }

    /**
     * Compares an analytic gradient of {@code f} at {@code x} with {@link #numericalGradient}; chain
     * {@link Result#requireBelow} to assert.
     *
     * @throws IllegalArgumentException if {@code analyticGradient} is not shaped like {@code x}
     */
    public static Result check(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj analyticGradient, DMatrixRMaj x) {
        Shapes.requireSameShape("check(f, analyticGradient, x)", "analyticGradient", analyticGradient, "x", x);
        DMatrixRMaj numerical = numericalGradient(f, x);
        return new Result(relativeError(numerical, analyticGradient), analyticGradient, numerical);
    }

    /** The outcome of {@link #check}: the relative error between the two gradients, and both. */
    public record Result(double relativeError, DMatrixRMaj analytic, DMatrixRMaj numerical) {

        /**
         * Returns this result if the relative error is below {@code tolerance}.
         *
         * @throws AssertionError otherwise (also for a NaN error), showing the error and both gradients
         */
        public Result requireBelow(double tolerance) {
            if (relativeError < tolerance) {
                return this;
            }
            throw new AssertionError(String.format(
                    "gradient check failed: relative error %.3e is not below %.3e%nanalytic:%n%s%nnumerical:%n%s",
                    relativeError, tolerance, analytic, numerical));
        }
    }

    private static double step(double x) {
        return 1e-6 * Math.max(1, Math.abs(x));
    }

    private static double relative(double difference, double normExpected, double normActual) {
        return difference / Math.max(Math.max(normExpected, normActual), ERROR_FLOOR);
    }

    /** {@code probe} with entry {@code index} (row-major) set to {@code value}. */
    private static DMatrixRMaj with(DMatrixRMaj probe, int index, double value) {
        probe.data[index] = value;
        return probe;
    }

    /** The row-major index in {@code m} of its entry number {@code vecIndex} in column-major order. */
    private static int rowMajorIndex(DMatrixRMaj m, int vecIndex) {
        return (vecIndex % m.numRows) * m.numCols + vecIndex / m.numRows;
    }
}
