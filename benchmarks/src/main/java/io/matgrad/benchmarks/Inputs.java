package io.matgrad.benchmarks;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Random inputs, drawn from a caller's seeded generator so that every run measures the same data. */
final class Inputs {
    private Inputs() {}

    /** Entries uniform in [-scale, scale]. */
    static DMatrixRMaj uniform(int rows, int cols, double scale, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = scale * (2 * random.nextDouble() - 1);
        }
        return m;
    }

    /** Entries 0 or 1, as labels. */
    static DMatrixRMaj labels(int rows, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, 1);
        for (int i = 0; i < rows; i++) {
            m.data[i] = random.nextBoolean() ? 1 : 0;
        }
        return m;
    }

    /**
     * A well-conditioned, exactly symmetric positive definite n x n matrix, {@code MᵀM / k + I}
     * for a random k x n M: a covariance-like matrix whose eigenvalues lie in about [1, 2].
     */
    static DMatrixRMaj covariance(int n, Random random) {
        int k = 2 * n;
        DMatrixRMaj m = uniform(k, n, 1, random);
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        // multInner computes one triangle and mirrors it, so s is symmetric to the last bit.
        CommonOps_DDRM.multInner(m, s);
        CommonOps_DDRM.scale(1.0 / k, s);
        for (int i = 0; i < n; i++) {
            s.add(i, i, 1);
        }
        return s;
    }
}
