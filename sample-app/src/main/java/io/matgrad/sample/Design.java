package io.matgrad.sample;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The plain matrices the models take as data, since their formulas have no element access:
 * standardised features, an intercept column, a vector of ones.
 */
final class Design {
    private Design() {}

    /** Each column minus its mean, divided by its standard deviation (with n − 1). */
    static DMatrixRMaj standardize(DMatrixRMaj X) {
        DMatrixRMaj Z = X.copy();
        int n = X.numRows;
        for (int j = 0; j < X.numCols; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += X.get(i, j) / n;
            }
            double variance = 0;
            for (int i = 0; i < n; i++) {
                variance += (X.get(i, j) - mean) * (X.get(i, j) - mean) / (n - 1);
            }
            double sd = Math.sqrt(variance);
            for (int i = 0; i < n; i++) {
                Z.set(i, j, (X.get(i, j) - mean) / sd);
            }
        }
        return Z;
    }

    /** {@code [1 X]}: X with a leading column of ones, for an intercept. */
    static DMatrixRMaj withIntercept(DMatrixRMaj X) {
        DMatrixRMaj design = new DMatrixRMaj(X.numRows, X.numCols + 1);
        CommonOps_DDRM.fill(design, 1);
        CommonOps_DDRM.insert(X, design, 0, 1);
        return design;
    }

    /** The n x 1 vector of ones. */
    static DMatrixRMaj ones(int n) {
        DMatrixRMaj ones = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.fill(ones, 1);
        return ones;
    }

    /** The largest absolute difference between entries of {@code a} and {@code b}. */
    static double maxAbsDifference(DMatrixRMaj a, DMatrixRMaj b) {
        double max = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            max = Math.max(max, Math.abs(a.data[i] - b.data[i]));
        }
        return max;
    }
}
