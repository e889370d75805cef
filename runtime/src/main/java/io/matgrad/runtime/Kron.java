package io.matgrad.runtime;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Kronecker products with an identity, {@code I ⊗ A}: the block-diagonal form Jacobians and
 * Hessians with respect to a matrix take ({@code vec(A dX) = (I ⊗ A) vec(dX)}), computed without
 * forming the identity, and products with them without forming them at all. With one block, each
 * is the plain EJML operation, so a column vector pays nothing for the generality.
 */
public final class Kron {
    private Kron() {}

    /** {@code I_blocks ⊗ a}: {@code a} repeated down the diagonal, zeros elsewhere, into {@code out}. */
    public static DMatrixRMaj identityKron(DMatrixRMaj a, int blocks, DMatrixRMaj out) {
        if (blocks == 1) {
            out.setTo(a);
            return out;
        }
        out.reshape(blocks * a.numRows, blocks * a.numCols);
        out.zero();
        for (int k = 0; k < blocks; k++) {
            CommonOps_DDRM.insert(a, out, k * a.numRows, k * a.numCols);
        }
        return out;
    }

    /** {@code alpha (I_blocks ⊗ a) b}: block k of the rows of the result is {@code alpha a} times block k of the rows of {@code b}. */
    public static DMatrixRMaj multIdentityKron(int blocks, double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        return mult(blocks, alpha, a, false, b, out);
    }

    /** {@code alpha (I_blocks ⊗ aᵀ) b}, without transposing {@code a}. */
    public static DMatrixRMaj multIdentityKronTransA(int blocks, double alpha, DMatrixRMaj a, DMatrixRMaj b,
            DMatrixRMaj out) {
        return mult(blocks, alpha, a, true, b, out);
    }

    private static DMatrixRMaj mult(int blocks, double alpha, DMatrixRMaj a, boolean transA, DMatrixRMaj b,
            DMatrixRMaj out) {
        int p = transA ? a.numCols : a.numRows;
        int r = transA ? a.numRows : a.numCols;
        if (b.numRows != blocks * r) {
            throw new IllegalArgumentException("(I ⊗ A) B: B has " + b.numRows + " rows, not " + blocks + " blocks of "
                    + r);
        }
        if (blocks == 1) {
            // EJML's alpha variants are slower on a vector: scale afterwards there
            if (transA) {
                CommonOps_DDRM.multTransA(a, b, out);
            } else {
                CommonOps_DDRM.mult(a, b, out);
            }
            if (alpha != 1) {
                CommonOps_DDRM.scale(alpha, out);
            }
            return out;
        }
        int c = b.numCols;
        out.reshape(blocks * p, c);
        out.zero();
        for (int k = 0; k < blocks; k++) {
            for (int i = 0; i < p; i++) {
                int outRow = (k * p + i) * c;
                for (int l = 0; l < r; l++) {
                    double ail = alpha * (transA ? a.data[l * a.numCols + i] : a.data[i * a.numCols + l]);
                    if (ail == 0) {
                        continue;
                    }
                    int bRow = (k * r + l) * c;
                    for (int j = 0; j < c; j++) {
                        out.data[outRow + j] += ail * b.data[bRow + j];
                    }
                }
            }
        }
        return out;
    }
}
