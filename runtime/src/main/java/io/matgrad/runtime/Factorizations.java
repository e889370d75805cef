package io.matgrad.runtime;

import org.ejml.UtilEjml;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The factorizations behind {@code inv}, {@code solve} and {@code logDet}, with one singularity
 * policy for all three.
 *
 * <p><b>Singularity.</b> A square matrix is singular to working precision when a pivot of its
 * factorization is negligible next to the largest one: {@code min |p_i| <= n eps max |p_i|}. This
 * is a cheap reciprocal-condition estimate and, unlike EJML's own {@code isSingular()} (an absolute
 * test {@code |u_ii| < eps}), it does not depend on the scale of the matrix: {@code 1e-20 I} is
 * perfectly invertible, and a rank-deficient matrix with entries near {@code 1e10} is not.
 */
final class Factorizations {

    /**
     * Largest asymmetry {@code |a_ij - a_ji|}, relative to the largest entry, for which
     * {@code logDet} treats a matrix as symmetric and tries Cholesky. Cholesky reads one triangle
     * only, so the tolerance is kept near rounding level: symmetric matrices built by arithmetic
     * ({@code B B^T}, {@code (A + A^T)/2}) pass, and anything visibly non-symmetric goes to LU.
     */
    static final double SYMMETRY_TOLERANCE = 1e-12;

    private Factorizations() {}

    /**
     * An LU solver for the square matrix {@code a} (named {@code name} in {@code call}), ready for
     * {@code solve} and {@code invert}; {@code a} is not modified.
     *
     * @throws SingularMatrixException if {@code a} is singular to working precision
     */
    static LinearSolverDense<DMatrixRMaj> lu(String call, String name, DMatrixRMaj a) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(a.numRows);
        // setA's result is EJML's absolute singularity test; the relative one below replaces it.
        solver.setA(a);
        LUDecomposition_F64<DMatrixRMaj> lu = solver.getDecomposition();
        requireNonsingular(call, name, a, diagonal(lu.getUpper(null)));
        return solver;
    }

    /**
     * {@code ln |det a|} of the square matrix {@code a}, as a sum of logarithms of pivots so that it
     * neither overflows nor underflows where {@code det a} would: the Cholesky pivots
     * {@code l_ii^2} when {@code a} is symmetric positive definite (half the work of LU, and no
     * pivoting), else the LU pivots {@code |u_ii|}.
     *
     * @throws SingularMatrixException if {@code a} is singular to working precision
     */
    static double logAbsDet(String call, String name, DMatrixRMaj a) {
        double[] pivots = choleskyPivots(a);
        if (pivots == null) {
            LUDecomposition_F64<DMatrixRMaj> lu = DecompositionFactory_DDRM.lu(a.numRows, a.numCols);
            DecompositionFactory_DDRM.decomposeSafe(lu, a);
            pivots = diagonal(lu.getUpper(null));
        }
        requireNonsingular(call, name, a, pivots);
        double sum = 0;
        for (double p : pivots) {
            sum += Math.log(Math.abs(p));
        }
        return sum;
    }

    /** The pivots {@code l_ii^2} of {@code a = L L^T}, or null if {@code a} is not symmetric positive definite. */
    private static double[] choleskyPivots(DMatrixRMaj a) {
        if (!MatrixFeatures_DDRM.isSymmetric(a, SYMMETRY_TOLERANCE)) {
            return null;
        }
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(a.numRows, true);
        if (!DecompositionFactory_DDRM.decomposeSafe(cholesky, a)) {
            return null;
        }
        double[] pivots = diagonal(cholesky.getT(null));
        for (int i = 0; i < pivots.length; i++) {
            pivots[i] *= pivots[i];
        }
        return pivots;
    }

    private static void requireNonsingular(String call, String name, DMatrixRMaj a, double[] pivots) {
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (double p : pivots) {
            largest = Math.max(largest, Math.abs(p));
            smallest = Math.min(smallest, Math.abs(p));
        }
        if (largest == 0 || smallest <= pivots.length * UtilEjml.EPS * largest) {
            throw new SingularMatrixException(
                    call + ": " + name + " is " + Shapes.of(a) + " and singular to working precision");
        }
    }

    private static double[] diagonal(DMatrixRMaj triangular) {
        double[] d = new double[Math.min(triangular.numRows, triangular.numCols)];
        for (int i = 0; i < d.length; i++) {
            d[i] = triangular.unsafe_get(i, i);
        }
        return d;
    }
}
