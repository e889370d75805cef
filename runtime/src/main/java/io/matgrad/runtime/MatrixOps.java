package io.matgrad.runtime;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;

/**
 * The language {@code @Differentiable} methods are written in: each function is the mathematical
 * operation the processor knows how to differentiate, and also really computes its value with EJML,
 * so an annotated method stays an ordinary Java method that evaluates its function.
 *
 * <pre>{@code
 * import static io.matgrad.runtime.MatrixOps.*;
 *
 * @Differentiable(wrt = "x")
 * static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
 *     DMatrixRMaj r = sub(mult(A, x), b);
 *     return dot(r, r);
 * }
 * }</pre>
 *
 * <p>Every function returns a new matrix (or a double) and never modifies its arguments, so
 * expressions compose like mathematics. That allocates; generated code can instead call EJML and
 * {@link Elementwise} on workspaces it reuses.
 *
 * <p>Shapes are checked before any work: a mismatch throws {@link IllegalArgumentException} whose
 * message names the call, both shapes and the rule, e.g.
 * {@code "mult(A, B): A is 3x4 but B is 5x1; columns of A must equal rows of B"}. A vector is an
 * n x 1 (or 1 x n) matrix.
 */
public final class MatrixOps {

    private MatrixOps() {}

    // Matrix algebra

    /**
     * The matrix product {@code A B}: m x k times k x n gives m x n.
     *
     * @throws IllegalArgumentException if the columns of A differ from the rows of B
     */
    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireMultipliable("mult(A, B)", "A", a, "B", b);
        return CommonOps_DDRM.mult(a, b, new DMatrixRMaj(a.numRows, b.numCols));
    }

    /**
     * The sum {@code A + B} of two matrices of equal shape.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static DMatrixRMaj add(DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireSameShape("add(A, B)", "A", a, "B", b);
        return CommonOps_DDRM.add(a, b, a.createLike());
    }

    /**
     * The difference {@code A - B} of two matrices of equal shape.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static DMatrixRMaj sub(DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireSameShape("sub(A, B)", "A", a, "B", b);
        return CommonOps_DDRM.subtract(a, b, a.createLike());
    }

    /** The scalar multiple {@code alpha A}, shaped like A. */
    public static DMatrixRMaj scale(double alpha, DMatrixRMaj a) {
        DMatrixRMaj out = a.createLike();
        CommonOps_DDRM.scale(alpha, a, out);
        return out;
    }

    /** The negation {@code -A}, shaped like A. */
    public static DMatrixRMaj neg(DMatrixRMaj a) {
        return CommonOps_DDRM.changeSign(a, a.createLike());
    }

    /** The transpose {@code A^T}: m x n gives n x m. */
    public static DMatrixRMaj transpose(DMatrixRMaj a) {
        return CommonOps_DDRM.transpose(a, new DMatrixRMaj(a.numCols, a.numRows));
    }

    // Inverse and linear systems

    /**
     * The inverse {@code A^-1} of a square matrix, from a {@link Factorization}: Cholesky when A is
     * symmetric positive definite, else LU with partial pivoting. Where only {@code A^-1 B} is
     * needed, {@link #solve} is cheaper and more accurate.
     *
     * @throws IllegalArgumentException if A is not square
     * @throws SingularMatrixException if A is singular to working precision: a pivot is at most
     *     {@code n eps} times the largest, a test independent of the scale of A
     */
    public static DMatrixRMaj inv(DMatrixRMaj a) {
        Shapes.requireSquare("inv(A)", "A", a);
        DMatrixRMaj out = a.createLike();
        new Factorization().decompose(a, "inv(A)", "A").invert(out);
        return out;
    }

    /**
     * The solution {@code X = A^-1 B} of {@code A X = B}, for square n x n A and n x k B, by a
     * {@link Factorization} (Cholesky when A is symmetric positive definite, else LU with partial
     * pivoting) and triangular solves. A's inverse is never formed: that
     * would triple the work for few right-hand sides and add its own rounding error.
     *
     * @throws IllegalArgumentException if A is not square or its rows differ from B's
     * @throws SingularMatrixException if A is singular to working precision (see {@link #inv})
     */
    public static DMatrixRMaj solve(DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireSolvable("solve(A, B)", "A", a, "B", b);
        DMatrixRMaj x = new DMatrixRMaj(a.numCols, b.numCols);
        new Factorization().decompose(a, "solve(A, B)", "A").solve(b, x);
        return x;
    }

    // Elementwise

    /**
     * The elementwise (Hadamard) product {@code A ∘ B} of two matrices of equal shape.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static DMatrixRMaj elementMult(DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireSameShape("elementMult(A, B)", "A", a, "B", b);
        return CommonOps_DDRM.elementMult(a, b, a.createLike());
    }

    /**
     * The elementwise quotient {@code A_ij / B_ij} of two matrices of equal shape; division by a zero
     * entry follows IEEE 754 (±Infinity, or NaN for 0/0).
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static DMatrixRMaj elementDiv(DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireSameShape("elementDiv(A, B)", "A", a, "B", b);
        return CommonOps_DDRM.elementDiv(a, b, a.createLike());
    }

    /** Elementwise {@code e^(A_ij)}, shaped like A. */
    public static DMatrixRMaj exp(DMatrixRMaj a) {
        return Elementwise.exp(a, null);
    }

    /** Elementwise natural logarithm {@code ln A_ij}, shaped like A (NaN for negative entries, -Infinity for 0). */
    public static DMatrixRMaj log(DMatrixRMaj a) {
        return Elementwise.log(a, null);
    }

    /** Elementwise {@code tanh A_ij}, shaped like A. */
    public static DMatrixRMaj tanh(DMatrixRMaj a) {
        return Elementwise.tanh(a, null);
    }

    /**
     * Elementwise logistic function {@code 1 / (1 + e^(-A_ij))}, shaped like A; stable for any
     * magnitude (see {@link Elementwise#sigmoid(double)}).
     */
    public static DMatrixRMaj sigmoid(DMatrixRMaj a) {
        return Elementwise.sigmoid(a, null);
    }

    /**
     * Elementwise {@code softplus(z) = ln(1 + e^z)}, shaped like A; computed as
     * {@code max(z, 0) + log1p(e^(-|z|))}, which never overflows (see
     * {@link Elementwise#softplus(double)}).
     */
    public static DMatrixRMaj softplus(DMatrixRMaj a) {
        return Elementwise.softplus(a, null);
    }

    /** Elementwise square {@code A_ij^2}, shaped like A. */
    public static DMatrixRMaj square(DMatrixRMaj a) {
        return Elementwise.square(a, null);
    }

    /** Elementwise square root, shaped like A (NaN for negative entries). */
    public static DMatrixRMaj sqrt(DMatrixRMaj a) {
        return Elementwise.sqrt(a, null);
    }

    /**
     * Elementwise absolute value {@code |A_ij|}, shaped like A. Its derivative is the sign of each
     * entry, and 0 at an entry that is 0.
     */
    public static DMatrixRMaj abs(DMatrixRMaj a) {
        return Elementwise.abs(a, null);
    }

    /** Elementwise sign, −1, 0 or 1 ({@link Math#signum}), shaped like A; its derivative is 0. */
    public static DMatrixRMaj sign(DMatrixRMaj a) {
        return Elementwise.sign(a, null);
    }

    /** Elementwise {@code max(A_ij, 0)}, shaped like A; its derivative is 1 where an entry is positive, else 0 (0 at 0). */
    public static DMatrixRMaj relu(DMatrixRMaj a) {
        return Elementwise.relu(a, null);
    }

    /** Elementwise 1 where {@code A_ij > 0}, else 0, shaped like A (the derivative of {@link #relu}); its derivative is 0. */
    public static DMatrixRMaj heaviside(DMatrixRMaj a) {
        return Elementwise.heaviside(a, null);
    }

    /** Elementwise sine, shaped like A. */
    public static DMatrixRMaj sin(DMatrixRMaj a) {
        return Elementwise.sin(a, null);
    }

    /** Elementwise cosine, shaped like A. */
    public static DMatrixRMaj cos(DMatrixRMaj a) {
        return Elementwise.cos(a, null);
    }

    /** Elementwise {@code ln(1 + A_ij)}, accurate for small entries, shaped like A (NaN below −1). */
    public static DMatrixRMaj log1p(DMatrixRMaj a) {
        return Elementwise.log1p(a, null);
    }

    /** Elementwise {@code e^(A_ij) − 1}, accurate for small entries, shaped like A. */
    public static DMatrixRMaj expm1(DMatrixRMaj a) {
        return Elementwise.expm1(a, null);
    }

    /**
     * Elementwise maximum {@code max(A_ij, B_ij)} of two matrices of one shape ({@link Math#max}).
     * Its derivative follows the larger entry; at a tie, A's.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static DMatrixRMaj maximum(DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireSameShape("maximum(A, B)", "A", a, "B", b);
        return Elementwise.maximum(a, b, null);
    }

    /** Elementwise {@code max(A_ij, b)}; its derivative follows the larger, at a tie A's entry. */
    public static DMatrixRMaj maximum(DMatrixRMaj a, double b) {
        return Elementwise.maximum(a, b, null);
    }

    /**
     * Elementwise minimum {@code min(A_ij, B_ij)} of two matrices of one shape ({@link Math#min}).
     * Its derivative follows the smaller entry; at a tie, A's.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static DMatrixRMaj minimum(DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireSameShape("minimum(A, B)", "A", a, "B", b);
        return Elementwise.minimum(a, b, null);
    }

    /** Elementwise {@code min(A_ij, b)}; its derivative follows the smaller, at a tie A's entry. */
    public static DMatrixRMaj minimum(DMatrixRMaj a, double b) {
        return Elementwise.minimum(a, b, null);
    }

    /** Elementwise power {@code A_ij^p}, shaped like A, with the special cases of {@link Math#pow}. */
    public static DMatrixRMaj pow(DMatrixRMaj a, double p) {
        return Elementwise.pow(a, p, null);
    }

    /**
     * The n x n diagonal matrix with the entries of the vector v (n x 1 or 1 x n) on its diagonal.
     *
     * @throws IllegalArgumentException if v is not a vector
     */
    public static DMatrixRMaj diag(DMatrixRMaj v) {
        Shapes.requireVector("diag(v)", "v", v);
        int n = v.getNumElements();
        return CommonOps_DDRM.diag(new DMatrixRMaj(n, n), n, v.data);
    }

    // A double with every entry

    /** {@code A_ij + b} for every entry, shaped like A. */
    public static DMatrixRMaj add(DMatrixRMaj a, double b) {
        return CommonOps_DDRM.add(a, b, a.createLike());
    }

    /** {@code A_ij − b} for every entry, shaped like A. */
    public static DMatrixRMaj sub(DMatrixRMaj a, double b) {
        return CommonOps_DDRM.subtract(a, b, a.createLike());
    }

    /** {@code a − B_ij} for every entry, shaped like B. */
    public static DMatrixRMaj sub(double a, DMatrixRMaj b) {
        return CommonOps_DDRM.subtract(a, b, b.createLike());
    }

    /** {@code a / B_ij} for every entry, shaped like B (IEEE 754 at a zero entry). */
    public static DMatrixRMaj divide(double a, DMatrixRMaj b) {
        return CommonOps_DDRM.divide(a, b, b.createLike());
    }

    /** {@code A_ij / b} for every entry, shaped like A. */
    public static DMatrixRMaj divide(DMatrixRMaj a, double b) {
        return CommonOps_DDRM.divide(a, b, a.createLike());
    }

    // Rows, columns and broadcasting

    /** The sum of each row: m x n gives m x 1 (EJML's {@code sumRows}). */
    public static DMatrixRMaj sumRows(DMatrixRMaj a) {
        return CommonOps_DDRM.sumRows(a, null);
    }

    /** The sum of each column: m x n gives 1 x n (EJML's {@code sumCols}). */
    public static DMatrixRMaj sumCols(DMatrixRMaj a) {
        return CommonOps_DDRM.sumCols(a, null);
    }

    /**
     * {@code log Σ_j e^(A_ij)} of each row: m x n gives m x 1, computed stably (each row shifted by
     * its maximum), so that it is finite, with a finite derivative, for entries of any magnitude.
     */
    public static DMatrixRMaj rowLogSumExp(DMatrixRMaj a) {
        return Rows.rowLogSumExp(a, new DMatrixRMaj(a.numRows, 1));
    }

    /**
     * The softmax of each row, {@code e^(A_ij − max_j A_ij) / Σ_j e^(A_ij − max_j A_ij)}, shaped like
     * A: each row positive and summing to 1, without overflow.
     */
    public static DMatrixRMaj rowSoftmax(DMatrixRMaj a) {
        DMatrixRMaj lse = rowLogSumExp(a);
        DMatrixRMaj out = a.createLike();
        int n = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < n; j++) {
                out.data[i * n + j] = Math.exp(a.data[i * n + j] - lse.data[i]);
            }
        }
        return out;
    }

    /**
     * {@code A + 𝟏 r}: the row vector r (1 x n) added to every row of A (m x n).
     *
     * @throws IllegalArgumentException if r is not 1 x n
     */
    public static DMatrixRMaj addRowVector(DMatrixRMaj a, DMatrixRMaj r) {
        if (r.numRows != 1 || r.numCols != a.numCols) {
            throw new IllegalArgumentException("addRowVector(A, r): A is " + Shapes.of(a) + " but r is " + Shapes.of(r)
                    + "; r must be 1 x (columns of A)");
        }
        DMatrixRMaj out = Rows.broadcastRows(r, a.createLike());
        CommonOps_DDRM.addEquals(out, a);
        return out;
    }

    /**
     * {@code A + c 𝟏ᵀ}: the column vector c (m x 1) added to every column of A (m x n).
     *
     * @throws IllegalArgumentException if c is not m x 1
     */
    public static DMatrixRMaj addColumnVector(DMatrixRMaj a, DMatrixRMaj c) {
        if (c.numCols != 1 || c.numRows != a.numRows) {
            throw new IllegalArgumentException("addColumnVector(A, c): A is " + Shapes.of(a) + " but c is " + Shapes.of(c)
                    + "; c must be (rows of A) x 1");
        }
        DMatrixRMaj out = Rows.broadcastColumns(c, a.createLike());
        CommonOps_DDRM.addEquals(out, a);
        return out;
    }

    /**
     * {@code A + sI}, for a square A.
     *
     * @throws IllegalArgumentException if A is not square
     */
    public static DMatrixRMaj addIdentity(DMatrixRMaj a, double s) {
        Shapes.requireSquare("addIdentity(A, s)", "A", a);
        DMatrixRMaj out = a.copy();
        for (int i = 0; i < a.numRows; i++) {
            out.add(i, i, s);
        }
        return out;
    }

    /**
     * The diagonal of a square matrix, as a column vector (EJML's {@code extractDiag}).
     *
     * @throws IllegalArgumentException if A is not square (the processor differentiates the diagonal of
     *     square matrices)
     */
    public static DMatrixRMaj extractDiag(DMatrixRMaj a) {
        Shapes.requireSquare("extractDiag(A)", "A", a);
        return CommonOps_DDRM.extractDiag(a, null);
    }

    // Slicing and assembling

    /**
     * Rows {@code r0} to {@code r1 − 1} and columns {@code c0} to {@code c1 − 1} of A, as EJML's
     * {@code extract}; the bounds are compile-time constants in a {@code @Differentiable} body.
     *
     * @throws IllegalArgumentException if the block does not lie inside A
     */
    public static DMatrixRMaj extract(DMatrixRMaj a, int r0, int r1, int c0, int c1) {
        if (r0 < 0 || c0 < 0 || r1 < r0 || c1 < c0) {
            throw new IllegalArgumentException("extract(A, " + r0 + ", " + r1 + ", " + c0 + ", " + c1
                    + "): the bounds must satisfy 0 <= r0 <= r1 and 0 <= c0 <= c1");
        }
        return Blocks.block(a, r0, c0, new DMatrixRMaj(r1 - r0, c1 - c0));
    }

    /**
     * A above B (EJML's {@code concatRows}).
     *
     * @throws IllegalArgumentException if their columns differ
     */
    public static DMatrixRMaj concatRows(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numCols != b.numCols) {
            throw new IllegalArgumentException("concatRows(A, B): A is " + Shapes.of(a) + " but B is " + Shapes.of(b)
                    + "; their columns must be equal");
        }
        DMatrixRMaj out = new DMatrixRMaj(a.numRows + b.numRows, a.numCols);
        CommonOps_DDRM.concatRows(a, b, out);
        return out;
    }

    /**
     * A left of B (EJML's {@code concatColumns}).
     *
     * @throws IllegalArgumentException if their rows differ
     */
    public static DMatrixRMaj concatColumns(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows) {
            throw new IllegalArgumentException("concatColumns(A, B): A is " + Shapes.of(a) + " but B is " + Shapes.of(b)
                    + "; their rows must be equal");
        }
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols + b.numCols);
        CommonOps_DDRM.concatColumns(a, b, out);
        return out;
    }

    /** The Kronecker product {@code A ⊗ B}: m x n and p x q give mp x nq (EJML's {@code kron}). */
    public static DMatrixRMaj kron(DMatrixRMaj a, DMatrixRMaj b) {
        return CommonOps_DDRM.kron(a, b, null);
    }

    // Scalar functions

    /**
     * The Frobenius inner product {@code sum_ij A_ij B_ij = Tr(A^T B)} of two matrices of equal
     * shape; for vectors, {@code a^T b}. Shapes must match exactly: an n x 1 and a 1 x n vector are
     * rejected rather than silently paired.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double dot(DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireSameShape("dot(A, B)", "A", a, "B", b);
        return VectorVectorMult_DDRM.innerProd(a, b);
    }

    /**
     * The trace {@code sum_i A_ii} of a square matrix.
     *
     * @throws IllegalArgumentException if A is not square
     */
    public static double trace(DMatrixRMaj a) {
        Shapes.requireSquare("trace(A)", "A", a);
        return CommonOps_DDRM.trace(a);
    }

    /**
     * The determinant of a square matrix, as the product of the pivots of its {@link Factorization}
     * (Cholesky when A is symmetric positive definite, else LU, with the sign of its row
     * permutation). A matrix singular to working precision (see {@link #inv}) has determinant
     * exactly 0, so this never throws for singularity. For large matrices {@code det} easily
     * overflows or underflows; use {@link #logDet}.
     *
     * <p>Its gradient, {@code det(A) A^-T}, needs the factorization to be nonsingular: generated
     * gradients through {@code det} throw {@link SingularMatrixException} at a singular A, even
     * where the exact gradient (the transposed adjugate, nonzero when A has rank n - 1) exists.
     *
     * @throws IllegalArgumentException if A is not square
     */
    public static double det(DMatrixRMaj a) {
        Shapes.requireSquare("det(A)", "A", a);
        return new Factorization().decompose(a, "det(A)", "A").det();
    }

    /**
     * {@code ln |det A|} of a square matrix: the Matrix Cookbook's {@code ln|det X|}, like the
     * logarithm numpy's {@code slogdet} returns; for a negative determinant it is the logarithm of
     * its absolute value. Its gradient is {@code A^-T} in either case.
     *
     * <p>Computed as a sum of logarithms of pivots, never as {@code log(det(A))}, which overflows
     * or underflows already for moderate sizes (a 200 x 200 matrix with eigenvalues near 100 has
     * {@code det = 1e400}): by Cholesky ({@code 2 sum_i ln L_ii}) when A is symmetric (to a relative
     * {@code 1e-12}) and positive definite, else by LU ({@code sum_i ln |U_ii|}).
     *
     * @throws IllegalArgumentException if A is not square
     * @throws SingularMatrixException if A is singular to working precision (see {@link #inv}),
     *     where {@code ln |det A|} would be {@code -Infinity}
     */
    public static double logDet(DMatrixRMaj a) {
        Shapes.requireSquare("logDet(A)", "A", a);
        return new Factorization().decompose(a, "logDet(A)", "A").logAbsDet();
    }

    /**
     * The squared Frobenius norm {@code sum_ij A_ij^2} (for a vector, {@code a^T a}); NaN if an entry
     * is NaN, {@code +Infinity} if one is infinite (see {@link Elementwise#normSq}).
     */
    public static double normSq(DMatrixRMaj a) {
        return Elementwise.normSq(a);
    }

    /**
     * The Frobenius norm {@code sqrt(sum_ij A_ij^2)} (for a vector, its 2-norm), scaled by the
     * largest entry first, so it does not overflow where {@link #normSq} would; NaN if an entry is
     * NaN, {@code +Infinity} if one is infinite (see {@link Elementwise#norm}).
     */
    public static double norm(DMatrixRMaj a) {
        return Elementwise.norm(a);
    }

    /** The sum {@code sum_ij A_ij} of all entries. */
    public static double sum(DMatrixRMaj a) {
        return CommonOps_DDRM.elementSum(a);
    }

    /**
     * {@code ln sum_ij e^(A_ij)}, computed stably as {@code max + ln sum_ij e^(A_ij - max)}: finite
     * for entries of any finite magnitude ({@code logSumExp([1000, 1000]) = 1000 + ln 2}). With
     * infinite entries: {@code +Infinity} if any entry is {@code +Infinity}, {@code -Infinity} if all
     * are {@code -Infinity}; NaN entries give NaN (see {@link Elementwise#logSumExp}).
     */
    public static double logSumExp(DMatrixRMaj a) {
        return Elementwise.logSumExp(a);
    }
}
