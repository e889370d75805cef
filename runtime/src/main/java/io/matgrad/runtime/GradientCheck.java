package io.matgrad.runtime;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Numerical derivatives by central finite differences, to check exact (generated) derivatives
 * against, in tests and in user code, one check per generated method:
 *
 * <pre>{@code
 * // nameGradX
 * GradientCheck.check(v -> Models.leastSquares(A, v, b), ModelsGradients.leastSquaresGradX(A, x, b), x)
 *         .requireBelow(1e-6);
 * // nameJacobianX, of a vector function
 * GradientCheck.checkJacobian(v -> Models.residuals(A, v, b), ModelsGradients.residualsJacobianX(A, x, b), x)
 *         .requireBelow(1e-6);
 * // nameHessianX, from values of f alone
 * GradientCheck.checkHessian(v -> Models.logistic(A, v, y), ModelsGradients.logisticHessianX(A, x, y), x)
 *         .requireBelow(1e-4);
 * // nameHessVecX, against differences of the (checked) gradient along v
 * GradientCheck.checkHessianVectorProduct(u -> ModelsGradients.logisticGradX(A, u, y),
 *         ModelsGradients.logisticHessVecX(A, x, y, v), x, v).requireBelow(1e-6);
 * }</pre>
 *
 * <p>Every derivative uses the step {@code h = 1e-6 max(1, |x|)} for the entry {@code x} being
 * perturbed: relative to the entry, so large entries are not perturbed below their rounding
 * error, and absolute near 0. For smooth, well-scaled functions the central difference then
 * agrees with the exact derivative to roughly {@code 1e-8} relative (truncation error
 * {@code O(h^2)}, rounding error {@code O(eps / h)}), so tolerances around {@code 1e-6} separate
 * right from wrong gradients. A Hessian from values alone is a second difference, which loses
 * more: its step is {@code 1e-4 max(1, |x|)} and it agrees to roughly {@code 1e-7}, so tolerances
 * around {@code 1e-4} suit it; where a gradient is already checked, the Jacobian of the gradient
 * ({@code checkJacobian(gradient, hessian, x)}) is the sharper test of a Hessian.
 *
 * <p>The function always receives a private copy of {@code x} with one entry perturbed; the
 * caller's {@code x} is never modified, not even transiently. The function must not modify its
 * argument.
 *
 * <p>To check every generated derivative of a class at once, from a test:
 * {@code GradientCheck.verifyAll(Models.class)} (see {@link #verifyAll(Class, Sampler, long)}).
 */
public final class GradientCheck {

    /** Below this norm, errors are measured absolutely rather than relative to a vanishing norm. */
    private static final double ERROR_FLOOR = 1e-8;
    /** Relative step of first differences: balances truncation O(h²) and rounding O(eps / h). */
    static final double FIRST_ORDER_STEP = 1e-6;
    /** Relative step of second differences, about eps^(1/4): balances O(h²) and O(eps / h²). */
    private static final double SECOND_ORDER_STEP = 1e-4;

    /** The seed of {@link #verifyAll(Class)} and {@link #verifyAll(Class, Sampler)}: the same points on every run. */
    public static final long DEFAULT_SEED = 1;

    private GradientCheck() {}

    /**
     * Checks every method matgrad generated for the {@code @Differentiable} methods of
     * {@code models} against central differences, at points drawn by {@link Sampler#defaults()};
     * see {@link #verifyAll(Class, Sampler, long)}.
     */
    public static Verification verifyAll(Class<?> models) {
        return verifyAll(models, Sampler.defaults(), DEFAULT_SEED);
    }

    /** As {@link #verifyAll(Class)}, at points {@code sampler} draws (for functions of a restricted domain). */
    public static Verification verifyAll(Class<?> models, Sampler sampler) {
        return verifyAll(models, sampler, DEFAULT_SEED);
    }

    /**
     * Checks every method matgrad generated for the {@code @Differentiable} methods of
     * {@code models} (each {@code nameGradX}, {@code nameValueAndGrad}, {@code nameJacobianX},
     * {@code nameHessianX}, {@code nameHessVecX}, and the workspace methods) against the annotated
     * methods themselves, at three points per function:
     *
     * <ul>
     *   <li>sizes: fixed ones as declared ({@code @Shape("3 x 1")}), each free dimension drawn from 2
     *       to 5, equal where the formula needs it ({@code mult(A, x)}: {@code x.numRows == A.numCols});
     *   <li>entries: by {@code sampler}, which learns what the formula needs of each parameter
     *       (positive definite where it is inverted, solved with, or under {@code det} or
     *       {@code logDet}; positive under {@code log}, {@code sqrt} or {@code pow}); a point where
     *       the function is not finite, or its matrix singular, is skipped;
     *   <li>values (a workspace's {@code value}, {@code nameValueAndGrad}'s result) against the
     *       method, to a relative {@code 1e-8};
     *   <li>gradients and Jacobians against central differences of the method
     *       ({@link #numericalGradient}, {@link #numericalJacobian}); Hessians against central
     *       differences of the (checked) generated gradient; Hessian-vector products along random
     *       directions, by {@link #checkHessianVectorProduct}; each to a relative {@code 1e-5};
     *   <li>and that no generated method modifies its arguments, and every workspace method
     *       overwrites and returns the output it is passed (outputs arrive misshapen, over NaNs).
     * </ul>
     *
     * <p>The generated class {@code CGradientsChecks} beside {@code CGradients} (written by the
     * processor; {@code @Differentiable} itself is not visible at run time) says what to call.
     * Private methods, and methods of private classes, are not in it.
     *
     * @return what was checked, when everything passed
     * @throws AssertionError listing every failed check: the function, the generated method, the
     *     point's shapes, the relative error (or the exception) and the seed; with the generated and
     *     the numerical derivative of the first failure
     * @throws IllegalArgumentException if {@code models} has no generated checks (not compiled with
     *     matgrad-processor, or no {@code @Differentiable} method)
     */
    public static Verification verifyAll(Class<?> models, Sampler sampler, long seed) {
        return DerivativeVerifier.verify(models, GeneratedChecks.of(models), sampler, seed);
    }

    /**
     * The gradient of a scalar function of a matrix, shaped like {@code x}: entry ij is
     * {@code ∂f/∂x_ij} (denominator layout, like generated {@code nameGradX} methods).
     */
    public static DMatrixRMaj numericalGradient(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x) {
        return numericalGradient(f, x, FIRST_ORDER_STEP);
    }

    /** {@link #numericalGradient(ToDoubleFunction, DMatrixRMaj)} with the step {@code relativeStep max(1, |x|)}. */
    static DMatrixRMaj numericalGradient(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x, double relativeStep) {
        DMatrixRMaj probe = x.copy();
        DMatrixRMaj gradient = x.createLike();
        for (int i = 0; i < x.getNumElements(); i++) {
            int entry = i;
            gradient.data[i] = numericalDerivative(t -> f.applyAsDouble(with(probe, entry, t)), x.data[i], relativeStep);
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
        return numericalDerivative(f, x, FIRST_ORDER_STEP);
    }

    /** {@link #numericalDerivative(DoubleUnaryOperator, double)} with the step {@code relativeStep max(1, |x|)}. */
    static double numericalDerivative(DoubleUnaryOperator f, double x, double relativeStep) {
        double h = relativeStep * Math.max(1, Math.abs(x));
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
        return numericalJacobian(f, x, FIRST_ORDER_STEP);
    }

    /** {@link #numericalJacobian(Function, DMatrixRMaj)} with the step {@code relativeStep max(1, |x|)}. */
    static DMatrixRMaj numericalJacobian(Function<DMatrixRMaj, DMatrixRMaj> f, DMatrixRMaj x, double relativeStep) {
        DMatrixRMaj probe = x.copy();
        // copies: f may return the same workspace on every call, or its argument (the identity),
        // which the probe's next change would change too
        DMatrixRMaj value = f.apply(probe).copy();
        DMatrixRMaj jacobian = new DMatrixRMaj(value.getNumElements(), x.getNumElements());
        for (int j = 0; j < x.getNumElements(); j++) {
            int entry = Vec.rowMajorIndex(x, j);
            double xj = x.data[entry];
            double h = relativeStep * Math.max(1, Math.abs(xj));
            double up = xj + h;
            double down = xj - h;
            DMatrixRMaj valueUp = f.apply(with(probe, entry, up)).copy();
            DMatrixRMaj valueDown = f.apply(with(probe, entry, down)).copy();
            probe.data[entry] = xj;
            Shapes.requireSameShape("numericalJacobian(f, x)", "f(x)", value, "f(x + h e_j)", valueUp);
            Shapes.requireSameShape("numericalJacobian(f, x)", "f(x)", value, "f(x - h e_j)", valueDown);
            for (int i = 0; i < jacobian.numRows; i++) {
                int fi = Vec.rowMajorIndex(value, i);
                jacobian.unsafe_set(i, j, (valueUp.data[fi] - valueDown.data[fi]) / (up - down));
            }
        }
        return jacobian;
    }

    /**
     * The Hessian of a scalar function of a matrix, from values of {@code f} alone: n x n, where n
     * is the number of entries of {@code x}, numbered in column-major order as in
     * {@link #numericalJacobian} (for a column vector, simply its order). Entry ij is
     * {@code (f(x + h_i e_i + h_j e_j) - f(x + h_i e_i - h_j e_j) - f(x - h_i e_i + h_j e_j)
     * + f(x - h_i e_i - h_j e_j)) / (4 h_i h_j)}, symmetric by construction, with the larger step
     * {@code h = 1e-4 max(1, |x|)} a second difference needs (its rounding error grows as
     * {@code eps / h²}). Costs {@code 2n(n + 1)} evaluations of {@code f}.
     */
    public static DMatrixRMaj numericalHessian(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x) {
        int n = x.getNumElements();
        DMatrixRMaj probe = x.copy();
        double[] steps = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = SECOND_ORDER_STEP * Math.max(1, Math.abs(x.data[Vec.rowMajorIndex(x, i)]));
        }
        DMatrixRMaj hessian = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double difference = displaced(f, probe, x, i, +steps[i], j, +steps[j])
                        - displaced(f, probe, x, i, +steps[i], j, -steps[j])
                        - displaced(f, probe, x, i, -steps[i], j, +steps[j])
                        + displaced(f, probe, x, i, -steps[i], j, -steps[j]);
                double entry = difference / (4 * steps[i] * steps[j]);
                hessian.unsafe_set(i, j, entry);
                hessian.unsafe_set(j, i, entry);
            }
        }
        return hessian;
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

    /**
     * Compares an analytic Jacobian of {@code f} at {@code x}, in numerator layout (entry ij is
     * {@code ∂f_i/∂x_j}, what generated {@code nameJacobianX} methods return by default), with
     * {@link #numericalJacobian}. For a denominator-layout Jacobian, pass its transpose.
     *
     * <p>Also checks a Hessian against a gradient already checked: the Jacobian of the gradient of
     * {@code f} is its Hessian, {@code checkJacobian(v -> gradient(v), hessian, x)}.
     *
     * @throws IllegalArgumentException if {@code analyticJacobian} is not m x n, for the m entries of
     *     {@code f(x)} and the n of {@code x}
     */
    public static Result checkJacobian(Function<DMatrixRMaj, DMatrixRMaj> f, DMatrixRMaj analyticJacobian, DMatrixRMaj x) {
        DMatrixRMaj numerical = numericalJacobian(f, x);
        if (analyticJacobian.numRows != numerical.numRows || analyticJacobian.numCols != numerical.numCols) {
            throw new IllegalArgumentException("checkJacobian(f, analyticJacobian, x): analyticJacobian is "
                    + Shapes.of(analyticJacobian) + ", but f(x) has " + numerical.numRows + " entries and x has "
                    + numerical.numCols + ", so the Jacobian is " + Shapes.of(numerical)
                    + " (numerator layout: entry ij is ∂f_i/∂x_j)");
        }
        return new Result("Jacobian", relativeError(numerical, analyticJacobian), analyticJacobian, numerical);
    }

    /**
     * Compares an analytic Hessian of {@code f} at {@code x} with {@link #numericalHessian}, which
     * needs nothing but values of {@code f}: the independent check of a generated
     * {@code nameHessianX}. Tolerances around {@code 1e-4} suit it (see the class comment).
     *
     * @throws IllegalArgumentException if {@code analyticHessian} is not n x n, for the n entries of
     *     {@code x}
     */
    public static Result checkHessian(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj analyticHessian, DMatrixRMaj x) {
        int n = x.getNumElements();
        if (analyticHessian.numRows != n || analyticHessian.numCols != n) {
            throw new IllegalArgumentException("checkHessian(f, analyticHessian, x): analyticHessian is "
                    + Shapes.of(analyticHessian) + ", but x has " + n + " entries, so the Hessian is " + n + "x" + n);
        }
        DMatrixRMaj numerical = numericalHessian(f, x);
        return new Result("Hessian", relativeError(numerical, analyticHessian), analyticHessian, numerical);
    }

    /**
     * Compares an analytic Hessian-vector product {@code H v} at {@code x} (a generated
     * {@code nameHessVecX}) with the derivative of the gradient along {@code v},
     * {@code (∇f(x + t v) - ∇f(x - t v)) / 2t}: two gradient evaluations, whatever the size of
     * {@code x}, so it checks products whose Hessian is too large to form. The step is
     * {@code t = 1e-6 max(1, ||x||) / ||v||}; {@code gradient} should itself be checked first.
     *
     * @throws IllegalArgumentException if {@code v} or {@code analyticProduct} is not shaped like
     *     {@code x}
     */
    public static Result checkHessianVectorProduct(Function<DMatrixRMaj, DMatrixRMaj> gradient, DMatrixRMaj analyticProduct,
            DMatrixRMaj x, DMatrixRMaj v) {
        String method = "checkHessianVectorProduct(gradient, analyticProduct, x, v)";
        Shapes.requireSameShape(method, "v", v, "x", x);
        Shapes.requireSameShape(method, "analyticProduct", analyticProduct, "x", x);
        double normV = NormOps_DDRM.normF(v);
        DMatrixRMaj numerical = x.createLike();
        if (normV > 0) {
            double t = FIRST_ORDER_STEP * Math.max(1, NormOps_DDRM.normF(x)) / normV;
            DMatrixRMaj probe = x.copy();
            CommonOps_DDRM.addEquals(probe, t, v);
            DMatrixRMaj up = gradient.apply(probe).copy();
            CommonOps_DDRM.add(x, -t, v, probe);
            DMatrixRMaj down = gradient.apply(probe);
            Shapes.requireSameShape(method, "gradient(x + t v)", up, "x", x);
            Shapes.requireSameShape(method, "gradient(x - t v)", down, "x", x);
            CommonOps_DDRM.subtract(up, down, numerical);
            CommonOps_DDRM.scale(1 / (2 * t), numerical);
        }
        return new Result("Hessian-vector product", relativeError(numerical, analyticProduct), analyticProduct, numerical);
    }

    /**
     * A sample input for checking derivatives: entries drawn from [0.5, 1.5], in the domain of
     * {@code log}, {@code sqrt} and {@code pow}; a square matrix also gets {@code n I} added, which
     * makes it diagonally dominant, so invertible and of positive determinant. Generated derivative
     * tests ({@code -Amatgrad.tests=true}) draw their inputs here.
     */
    public static DMatrixRMaj sample(int rows, int cols, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 0.5 + random.nextDouble();
        }
        if (rows == cols) {
            for (int i = 0; i < rows; i++) {
                m.add(i, i, rows);
            }
        }
        return m;
    }

    /** A sample double for checking derivatives, from [0.5, 1.5] (see {@link #sample(int, int, Random)}). */
    public static double sample(Random random) {
        return 0.5 + random.nextDouble();
    }

    /**
     * The outcome of a check: what was checked ({@code "gradient"}, {@code "Jacobian"}, ...), the
     * relative error between the analytic and the numerical derivative, and both.
     */
    public record Result(String quantity, double relativeError, DMatrixRMaj analytic, DMatrixRMaj numerical) {

        /** The outcome of a gradient check. */
        public Result(double relativeError, DMatrixRMaj analytic, DMatrixRMaj numerical) {
            this("gradient", relativeError, analytic, numerical);
        }

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
                    "%s check failed: relative error %.3e is not below %.3e%nanalytic:%n%s%nnumerical:%n%s",
                    quantity, relativeError, tolerance, analytic, numerical));
        }
    }

    /**
     * {@code f} at {@code x} with entries i and j (column-major numbers) displaced by {@code di} and
     * {@code dj}, added (i == j displaces one entry twice); {@code probe} is restored after.
     */
    private static double displaced(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj probe, DMatrixRMaj x,
            int i, double di, int j, double dj) {
        int entryI = Vec.rowMajorIndex(x, i);
        int entryJ = Vec.rowMajorIndex(x, j);
        probe.data[entryI] += di;
        probe.data[entryJ] += dj;
        double value = f.applyAsDouble(probe);
        probe.data[entryI] = x.data[entryI];
        probe.data[entryJ] = x.data[entryJ];
        return value;
    }

    private static double relative(double difference, double normExpected, double normActual) {
        return difference / Math.max(Math.max(normExpected, normActual), ERROR_FLOOR);
    }

    /** {@code probe} with entry {@code index} (row-major) set to {@code value}. */
    private static DMatrixRMaj with(DMatrixRMaj probe, int index, double value) {
        probe.data[index] = value;
        return probe;
    }
}
