package io.matgrad.benchmarks;

import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * A row-major matrix of Hipparchus {@link Gradient}s (forward-mode AD values carrying all partial
 * derivatives), with the few operations the runtime-AD baselines need. Constant operands stay
 * {@code double}s and enter through {@code multiply(double)}: the cheapest mix the library offers,
 * so the baseline is as fast as runtime AD gets without writing derivative code by hand.
 */
final class AdMatrix {
    final int rows;
    final int cols;
    final Gradient[] data;

    private AdMatrix(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.data = new Gradient[rows * cols];
    }

    /** The entries of {@code m} as the independent variables {@code first, first + 1, ...} of {@code unknowns}. */
    static AdMatrix variables(DMatrixRMaj m, int first, int unknowns) {
        AdMatrix v = new AdMatrix(m.numRows, m.numCols);
        for (int i = 0; i < v.data.length; i++) {
            v.data[i] = Gradient.variable(unknowns, first + i, m.data[i]);
        }
        return v;
    }

    /** The constant matrix {@code a} times {@code b}. */
    static AdMatrix mult(DMatrixRMaj a, AdMatrix b) {
        AdMatrix c = new AdMatrix(a.numRows, b.cols);
        for (int i = 0; i < c.rows; i++) {
            for (int j = 0; j < c.cols; j++) {
                Gradient sum = zero(b);
                for (int k = 0; k < a.numCols; k++) {
                    sum = sum.add(b.data[k * b.cols + j].multiply(a.unsafe_get(i, k)));
                }
                c.data[i * c.cols + j] = sum;
            }
        }
        return c;
    }

    /** {@code a} times the constant matrix {@code b}. */
    static AdMatrix mult(AdMatrix a, DMatrixRMaj b) {
        AdMatrix c = new AdMatrix(a.rows, b.numCols);
        for (int i = 0; i < c.rows; i++) {
            for (int j = 0; j < c.cols; j++) {
                Gradient sum = zero(a);
                for (int k = 0; k < a.cols; k++) {
                    sum = sum.add(a.data[i * a.cols + k].multiply(b.unsafe_get(k, j)));
                }
                c.data[i * c.cols + j] = sum;
            }
        }
        return c;
    }

    /** {@code a b}. */
    static AdMatrix mult(AdMatrix a, AdMatrix b) {
        AdMatrix c = new AdMatrix(a.rows, b.cols);
        for (int i = 0; i < c.rows; i++) {
            for (int j = 0; j < c.cols; j++) {
                Gradient sum = zero(a);
                for (int k = 0; k < a.cols; k++) {
                    sum = sum.add(a.data[i * a.cols + k].multiply(b.data[k * b.cols + j]));
                }
                c.data[i * c.cols + j] = sum;
            }
        }
        return c;
    }

    /** {@code a bᵀ}. */
    static AdMatrix multTransB(AdMatrix a, AdMatrix b) {
        AdMatrix c = new AdMatrix(a.rows, b.rows);
        for (int i = 0; i < c.rows; i++) {
            for (int j = 0; j < c.cols; j++) {
                Gradient sum = zero(a);
                for (int k = 0; k < a.cols; k++) {
                    sum = sum.add(a.data[i * a.cols + k].multiply(b.data[j * b.cols + k]));
                }
                c.data[i * c.cols + j] = sum;
            }
        }
        return c;
    }

    /** {@code f} of each entry. */
    AdMatrix map(UnaryOperator<Gradient> f) {
        AdMatrix c = new AdMatrix(rows, cols);
        for (int i = 0; i < data.length; i++) {
            c.data[i] = f.apply(data[i]);
        }
        return c;
    }

    /** {@code this − b} for a constant {@code b}. */
    AdMatrix minus(DMatrixRMaj b) {
        AdMatrix c = new AdMatrix(rows, cols);
        for (int i = 0; i < data.length; i++) {
            c.data[i] = data[i].subtract(b.data[i]);
        }
        return c;
    }

    /** Σ entries². */
    Gradient normSq() {
        Gradient sum = zero(this);
        for (Gradient g : data) {
            sum = sum.add(g.square());
        }
        return sum;
    }

    /** Σ entries. */
    Gradient sum() {
        Gradient sum = zero(this);
        for (Gradient g : data) {
            sum = sum.add(g);
        }
        return sum;
    }

    /** Σ this_ij b_ij for a constant {@code b}. */
    Gradient dot(DMatrixRMaj b) {
        Gradient sum = zero(this);
        for (int i = 0; i < data.length; i++) {
            sum = sum.add(data[i].multiply(b.data[i]));
        }
        return sum;
    }

    /** Σ this_ij b_ij. */
    Gradient dot(AdMatrix b) {
        Gradient sum = zero(this);
        for (int i = 0; i < data.length; i++) {
            sum = sum.add(data[i].multiply(b.data[i]));
        }
        return sum;
    }

    /** Σ diagonal entries. */
    Gradient trace() {
        Gradient sum = zero(this);
        for (int i = 0; i < Math.min(rows, cols); i++) {
            sum = sum.add(data[i * cols + i]);
        }
        return sum;
    }

    /**
     * Copies the partial derivatives of {@code f} into {@code gradients}, the first unknowns into
     * the first matrix and so on (the order {@link #variables} numbered them), and returns f's value.
     */
    static double read(Gradient f, DMatrixRMaj... gradients) {
        double[] partials = f.getGradient();
        int k = 0;
        for (DMatrixRMaj g : gradients) {
            System.arraycopy(partials, k, g.data, 0, g.getNumElements());
            k += g.getNumElements();
        }
        return f.getValue();
    }

    private static Gradient zero(AdMatrix like) {
        return like.data[0].getField().getZero();
    }
}
