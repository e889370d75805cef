package io.matgrad.runtime;

import java.util.Arrays;
import org.ejml.UtilEjml;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;

/**
 * A factorization of one square matrix, reused across calls; not thread-safe (it lives in a
 * generated workspace). It is what {@code inv}, {@code solve}, {@code det} and {@code logDet} are
 * computed with, in {@link MatrixOps} and in generated code alike:
 *
 * <pre>{@code
 * Factorization s = new Factorization();       // once, in a workspace
 * s.decompose(S, "gaussianNll", "S");          // every call: one O(n^3) factorization ...
 * double logDet = s.logAbsDet();               // ... shared by ln|det S|,
 * s.solve(r, t);                               //     S^-1 r,
 * s.solveTransposed(g, u);                     //     S^-T g (the adjoint of a solve),
 * s.invert(sInv);                              //     and S^-1 itself, each O(n^2) per column
 * }</pre>
 *
 * <p><b>Which factorization.</b> Cholesky ({@code A = L L^T}, half the work of LU and no pivoting)
 * when {@code A} is symmetric to a relative {@code 1e-12} (its largest asymmetry
 * {@code |a_ij - a_ji|} is at most {@code 1e-12 max |a_ij|}) and Cholesky succeeds, i.e. {@code A}
 * is positive definite; otherwise LU with partial pivoting ({@code P A = L U}). Cholesky reads one
 * triangle only, so the tolerance is kept near rounding level: symmetric matrices built by
 * arithmetic ({@code B B^T}, {@code (A + A^T)/2}) pass, anything visibly non-symmetric goes to LU.
 *
 * <p><b>Singularity.</b> A matrix is singular to working precision when its reciprocal condition
 * number is at most {@code n eps}, by either of two cheap estimates: the pivots' (the smallest
 * pivot is at most {@code n eps} times the largest, with pivots {@code l_ii^2} after Cholesky and
 * {@code |u_ii|} after LU), and LAPACK's ({@code 1 / (||A||_1 ||A^-1||_1)}, with
 * {@code ||A^-1||_1} estimated from a few O(n^2) solves, as {@code dgecon} does). Both are
 * independent of the scale of the matrix: {@code 1e-20 I} is perfectly invertible, and a
 * rank-deficient matrix with entries near {@code 1e10} is not (EJML's own {@code isSingular()}, an
 * absolute test {@code |u_ii| < eps}, gets both wrong). The pivots alone miss many matrices that
 * are singular but were rounded on their way in ({@code B B^T} for a wide {@code B}): rounding
 * leaves a last pivot that is small but not {@code n eps} small, most of all after Cholesky, which
 * does not pivot; the condition estimate catches those. The estimate is made the first time a
 * result depends on it, and not at all when {@link #invert} comes first: with the inverse at hand,
 * {@code ||A^-1||_1} is summed exactly, in O(n^2), for the same test (at 10 x 10, the estimate's
 * solves cost three times the Cholesky factorization itself).
 * {@link #decompose} never throws for a singular matrix: it records it, {@link #det} then returns
 * 0, and {@link #solve}, {@link #solveTransposed}, {@link #invert} and {@link #logAbsDet} throw a
 * {@link SingularMatrixException} naming the function and the matrix, e.g.
 * {@code "gaussianNll: S is 3x3 and singular to working precision"}. A matrix with a NaN entry is
 * not called singular: its results are NaN.
 *
 * <p><b>Allocation.</b> The matrix is copied into internal storage, and EJML's decomposition and
 * solver objects are kept, both grown to the largest size seen: after the first call for a given
 * size (or any larger one), no method allocates, whichever factorization a later matrix needs.
 * Only a failure allocates (its exception and message).
 */
public final class Factorization {

    /**
     * Largest asymmetry {@code |a_ij - a_ji|}, relative to the largest entry, for which a matrix is
     * treated as symmetric and Cholesky is tried.
     */
    static final double SYMMETRY_TOLERANCE = 1e-12;

    private final CholeskyDecompositionInner_DDRM cholesky = new CholeskyDecompositionInner_DDRM(true);
    private final LinearSolverChol_DDRM choleskySolver = new LinearSolverChol_DDRM(cholesky);
    private final LUDecompositionAlt_DDRM lu = new LUDecompositionAlt_DDRM();
    private final LinearSolverLu_DDRM luSolver = new LinearSolverLu_DDRM(lu);

    /** The matrix, copied: Cholesky factorizes it in place; LU keeps its own copy of it. */
    private final DMatrixRMaj copy = new DMatrixRMaj(0, 0);
    /** One column at a time, for {@link #solveTransposed} after LU, and the condition estimate's vectors. */
    private double[] column = new double[0];
    private double[] estimate = new double[0];
    private double[] sign = new double[0];
    /** The largest size the storage has been grown to. */
    private int capacity = -1;

    private int n = -1;
    private boolean usesCholesky;
    private double normA;
    /** Whether {@link #singular} is decided: by the pivots in {@link #decompose}, else lazily by the condition number. */
    private boolean conditionKnown;
    /** Only ever true once {@link #conditionKnown}. */
    private boolean singular;
    private String function;
    private String name;

    /** An empty factorization: {@link #decompose} sizes it to the first matrix it is given. */
    public Factorization() {}

    /**
     * Factorizes {@code a} (not modified; copied into internal storage that is reused when sizes
     * allow): Cholesky when {@code a} is symmetric to a relative {@code 1e-12} and Cholesky
     * succeeds, else LU with partial pivoting. Never throws for a singular matrix: it records it.
     * {@code function} and {@code name} are for error messages, e.g. {@code "gaussianNll"},
     * {@code "S"}.
     *
     * @return this
     * @throws IllegalArgumentException if {@code a} is not square
     */
    public Factorization decompose(DMatrixRMaj a, String function, String name) {
        Shapes.requireSquare(function, name, a);
        this.function = function;
        this.name = name;
        n = a.numRows;
        if (n > capacity) {
            grow(n);
        }
        copy.setTo(a); // reshapes within the grown storage
        usesCholesky = scan(a) && choleskySolver.setA(copy);
        if (!usesCholesky) {
            copy.setTo(a);
            // LU always completes; setA's result is EJML's absolute singularity test, which the
            // relative ones below replace
            luSolver.setA(copy);
        }
        // the pivots decide now; the condition number when a result first depends on it
        singular = hasNegligiblePivot();
        conditionKnown = singular;
        return this;
    }

    /**
     * {@code x = A^-1 b}, for {@code b} with n rows and any number of columns; {@code x} is
     * reshaped to {@code b}'s shape and must not be {@code b}.
     *
     * @throws SingularMatrixException if A is singular to working precision
     * @throws IllegalArgumentException if {@code b} does not have n rows, or {@code x} is {@code b}
     * @throws IllegalStateException before the first {@link #decompose}
     */
    public void solve(DMatrixRMaj b, DMatrixRMaj x) {
        requireSolvable(b, x, "solve");
        if (usesCholesky) {
            choleskySolver.solve(b, x);
        } else {
            luSolver.solve(b, x);
        }
    }

    /**
     * {@code x = A^-T b}, from the same factorization: for Cholesky the same as {@link #solve}
     * ({@code A} is symmetric); for {@code P A = L U}, {@code A^T = U^T L^T P}, so a forward
     * substitution with {@code U^T}, a back substitution with {@code L^T}, then the inverse row
     * permutation. {@code x} is reshaped to {@code b}'s shape and must not be {@code b}.
     *
     * @throws SingularMatrixException if A is singular to working precision
     * @throws IllegalArgumentException if {@code b} does not have n rows, or {@code x} is {@code b}
     * @throws IllegalStateException before the first {@link #decompose}
     */
    public void solveTransposed(DMatrixRMaj b, DMatrixRMaj x) {
        requireSolvable(b, x, "solveTransposed");
        if (usesCholesky) {
            choleskySolver.solve(b, x);
            return;
        }
        x.reshape(n, b.numCols);
        double[] w = estimate;
        int k = b.numCols;
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                w[i] = b.data[i * k + j];
            }
            solveTransposedVector(w);
            for (int i = 0; i < n; i++) {
                x.data[i * k + j] = w[i];
            }
        }
    }

    /**
     * {@code out = A^-1}, reshaped to n x n (symmetric, exactly, after Cholesky).
     *
     * @throws SingularMatrixException if A is singular to working precision
     * @throws IllegalStateException before the first {@link #decompose}
     */
    public void invert(DMatrixRMaj out) {
        requireDecomposed();
        if (singular) { // known already, from the pivots or an earlier condition estimate
            throw singularMatrix();
        }
        out.reshape(n, n);
        if (usesCholesky) {
            choleskySolver.invert(out);
        } else {
            luSolver.invert(out);
        }
        if (!conditionKnown) {
            // the inverse is at hand: its exact norm, in O(n^2), in place of the O(n^2)-per-solve estimate
            singular = negligible(1, normA * normOne(out));
            conditionKnown = true;
            if (singular) {
                throw singularMatrix();
            }
        }
    }

    /**
     * {@code ln |det A|}, as a sum of logarithms of pivots ({@code 2 sum_i ln l_ii} after Cholesky,
     * {@code sum_i ln |u_ii|} after LU), never as {@code log(det A)}, which overflows or underflows
     * already for moderate sizes (a 200 x 200 matrix with eigenvalues near 100 has
     * {@code det = 1e400}).
     *
     * @throws SingularMatrixException if A is singular to working precision, where
     *     {@code ln |det A|} would be {@code -Infinity} or rounding noise
     * @throws IllegalStateException before the first {@link #decompose}
     */
    public double logAbsDet() {
        requireNonsingular();
        double[] f = factor().data;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.log(Math.abs(f[i * n + i]));
        }
        return usesCholesky ? 2 * sum : sum;
    }

    /**
     * {@code det A}, as the product of the pivots (with the sign of the row permutation after LU);
     * 0 for a matrix singular to working precision, whose pivots' product is rounding noise. Never
     * throws for singularity. Like any determinant it overflows or underflows easily for large
     * matrices; {@link #logAbsDet} does not.
     *
     * @throws IllegalStateException before the first {@link #decompose}
     */
    public double det() {
        requireDecomposed();
        if (isSingular()) {
            return 0;
        }
        if (!usesCholesky) {
            return lu.computeDeterminant().real;
        }
        double[] f = copy.data;
        double product = 1;
        for (int i = 0; i < n; i++) {
            double lii = f[i * n + i];
            product *= lii * lii;
        }
        return product;
    }

    @Override
    public String toString() {
        if (n < 0) {
            return "Factorization[none]";
        }
        return "Factorization[" + function + ": " + name + " " + n + "x" + n + ", "
                + (usesCholesky ? "Cholesky" : "LU") + (isSingular() ? ", singular" : "") + "]";
    }

    // ------------------------------------------------------------------ the singularity rule

    /**
     * The one singularity rule of the runtime, {@code small <= n eps large}: applied to the
     * smallest and largest pivot (magnitudes; also true when every pivot is 0), and to 1 and the
     * condition number {@code ||A||_1 ||A^-1||_1}. Never true for an empty (0 x 0) matrix; false
     * when either side is NaN, so that a NaN matrix gives NaN results rather than this exception.
     */
    private boolean negligible(double small, double large) {
        return n > 0 && (large == 0 || small <= n * UtilEjml.EPS * large);
    }

    /** The exception for a singular matrix, e.g. {@code "gaussianNll: S is 3x3 and singular to working precision"}. */
    private SingularMatrixException singularMatrix() {
        return new SingularMatrixException(
                function + ": " + name + " is " + n + "x" + n + " and singular to working precision");
    }

    // ------------------------------------------------------------------ internals

    private void grow(int size) {
        cholesky.setExpectedMaxSize(size, size);
        lu.setExpectedMaxSize(size, size);
        copy.reshape(size, size);
        column = new double[size];
        estimate = new double[size];
        sign = new double[size];
        capacity = size;
    }

    /** {@code ||a||_1}, the largest column sum of magnitudes. */
    private double normOne(DMatrixRMaj a) {
        double norm = 0;
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += Math.abs(a.data[i * n + j]);
            }
            norm = Math.max(norm, sum);
        }
        return norm;
    }

    /**
     * A lower bound on {@code ||A^-1||_1}, usually within a factor 3 of it, from a few solves with
     * the factorization: Hager's method as refined by Higham (LAPACK's {@code dlacon}, Higham,
     * <i>Accuracy and Stability of Numerical Algorithms</i>, Algorithm 15.4), O(n^2) per solve.
     * Only called when no pivot is zero, so every solve is finite (or overflows to Infinity,
     * which means singular all the more).
     */
    private double inverseNormOneEstimate() {
        if (n == 0) {
            return 0;
        }
        double[] x = estimate;
        double[] z = sign;
        Arrays.fill(x, 0, n, 1.0 / n);
        double best = 0;
        int unit = -1; // x = e_unit after the first iteration
        for (int iteration = 0; iteration < 5; iteration++) {
            solveVector(x); // x := A^-1 x
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += Math.abs(x[i]);
                z[i] = x[i] >= 0 ? 1 : -1;
            }
            if (iteration > 0 && !(norm > best)) {
                break; // no progress (or NaN: the answer stays NaN below)
            }
            best = norm;
            solveTransposedVector(z); // z := A^-T sign(A^-1 x), a subgradient
            int j = 0;
            double zx = 0;
            for (int i = 0; i < n; i++) {
                zx += z[i];
                if (Math.abs(z[i]) > Math.abs(z[j])) {
                    j = i;
                }
            }
            zx = unit < 0 ? zx / n : z[unit];
            if (!(Math.abs(z[j]) > zx)) {
                break; // a local maximum: no unit vector does better than x
            }
            unit = j;
            Arrays.fill(x, 0, n, 0);
            x[j] = 1;
        }
        // Higham's extra test vector, which catches the matrices that fool the iteration
        for (int i = 0; i < n; i++) {
            x[i] = (i % 2 == 0 ? 1 : -1) * (1 + (n == 1 ? 0 : (double) i / (n - 1)));
        }
        solveVector(x);
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm += Math.abs(x[i]);
        }
        return Math.max(best, 2 * norm / (3 * n));
    }

    /** {@code w := A^-1 w} for one vector, from the factorization. */
    private void solveVector(double[] w) {
        if (usesCholesky) {
            TriangularSolver_DDRM.solveL(copy.data, w, n);
            TriangularSolver_DDRM.solveTranL(copy.data, w, n);
        } else {
            lu._solveVectorInternal(w);
        }
    }

    /** {@code w := A^-T w} for one vector, from the factorization. */
    private void solveTransposedVector(double[] w) {
        if (usesCholesky) {
            solveVector(w);
            return;
        }
        double[] f = lu.getLU().data;
        // U^T z = w: forward substitution, U^T lower triangular with U's diagonal
        for (int i = 0; i < n; i++) {
            double sum = w[i];
            for (int r = 0; r < i; r++) {
                sum -= f[r * n + i] * w[r];
            }
            w[i] = sum / f[i * n + i];
        }
        // L^T y = z: back substitution, L^T upper triangular with a unit diagonal
        for (int i = n - 1; i >= 0; i--) {
            double sum = w[i];
            for (int r = i + 1; r < n; r++) {
                sum -= f[r * n + i] * w[r];
            }
            w[i] = sum;
        }
        // the row permutation: (P A)_i = A_pivot[i], so x_pivot[i] = y_i
        int[] pivot = lu.getPivot();
        double[] y = column;
        System.arraycopy(w, 0, y, 0, n);
        for (int i = 0; i < n; i++) {
            w[pivot[i]] = y[i];
        }
    }

    /**
     * One pass over {@code a}: sets {@link #normA} ({@code ||a||_1}, the largest column sum of
     * magnitudes, for the condition number) and returns whether {@code a} is symmetric to a
     * relative {@link #SYMMETRY_TOLERANCE} (as EJML's {@code isSymmetric}; a NaN matrix is not).
     * One pass rather than three (the largest entry, the asymmetry, the column sums), which at
     * 10 x 10 is a fair part of the whole factorization.
     */
    private boolean scan(DMatrixRMaj a) {
        double[] d = a.data;
        double[] sums = column;
        Arrays.fill(sums, 0, n, 0);
        double max = 0;
        double asymmetry = 0;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double magnitude = Math.abs(d[row + j]);
                sums[j] += magnitude;
                max = Math.max(max, magnitude); // Math.max keeps a NaN
            }
            for (int j = 0; j < i; j++) {
                asymmetry = Math.max(asymmetry, Math.abs(d[row + j] - d[j * n + i]));
            }
        }
        double norm = 0;
        for (int j = 0; j < n; j++) {
            norm = Math.max(norm, sums[j]);
        }
        normA = norm;
        return asymmetry <= SYMMETRY_TOLERANCE * max;
    }

    /** The matrix whose diagonal holds the pivots: L (Cholesky) or the combined LU. */
    private DMatrixRMaj factor() {
        return usesCholesky ? copy : lu.getLU();
    }

    private boolean hasNegligiblePivot() {
        double[] f = factor().data;
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(f[i * n + i]);
            largest = Math.max(largest, d);
            smallest = Math.min(smallest, d);
        }
        if (usesCholesky && largest > 0) {
            // the pivots are l_ii^2: compare them as squared ratios, which cannot overflow
            double ratio = smallest / largest;
            return negligible(ratio * ratio, 1);
        }
        return negligible(smallest, largest);
    }

    private void requireDecomposed() {
        if (n < 0) {
            throw new IllegalStateException("Factorization: call decompose(a, function, name) first");
        }
    }

    private void requireNonsingular() {
        requireDecomposed();
        if (isSingular()) {
            throw singularMatrix();
        }
    }

    /**
     * Singular to working precision: by the pivots (decided in {@link #decompose}), else by the
     * condition number, estimated here the first time a result depends on it, unless
     * {@link #invert} has measured it exactly already.
     */
    private boolean isSingular() {
        if (!conditionKnown) {
            singular = negligible(1, normA * inverseNormOneEstimate());
            conditionKnown = true;
        }
        return singular;
    }

    private void requireSolvable(DMatrixRMaj b, DMatrixRMaj x, String method) {
        requireDecomposed();
        if (b.numRows != n) {
            throw new IllegalArgumentException(function + ": " + method + "(b, x) needs b with " + n
                    + " rows, the size of " + name + ", but b is " + Shapes.of(b));
        }
        if (x == b) {
            throw new IllegalArgumentException(function + ": " + method
                    + "(b, x) cannot write x over b; pass a separate matrix to receive x");
        }
        requireNonsingular();
    }
}
