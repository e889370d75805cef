package io.matgrad.runtime;

import org.ejml.data.DMatrixD1;
import org.ejml.data.DMatrixRMaj;

/**
 * Elementwise kernels with caller-owned outputs, shared by {@link MatrixOps} and generated code.
 *
 * <p>Every matrix kernel {@code f(a, out)} writes {@code f(a_ij)} into {@code out} and returns it.
 * {@code out} is reshaped to {@code a}'s shape; it may be {@code a} itself (the kernel then works in
 * place) or null (a new matrix is allocated). Given an {@code out}, the kernels allocate no matrix,
 * so generated code can run them on workspaces it keeps between calls. {@code a} is not modified
 * unless it is {@code out}.
 *
 * <p>Domains follow {@link Math}: {@code log} of a negative entry, {@code sqrt} of a negative entry
 * and {@code pow} of a negative entry to a non-integer power give NaN, {@code log(0)} gives
 * {@code -Infinity}.
 */
public final class Elementwise {

    private Elementwise() {}

    // Each kernel is its own loop rather than one loop taking a DoubleUnaryOperator: in a program
    // that uses several of them, a shared loop's call to the operator becomes megamorphic, and every
    // entry would pay a virtual call that the JIT cannot inline.

    /** {@code out_ij = e^(a_ij)}. */
    public static DMatrixRMaj exp(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.exp(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = ln a_ij}. */
    public static DMatrixRMaj log(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.log(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = tanh a_ij}; {@link Math#tanh} saturates to ±1 without overflow. */
    public static DMatrixRMaj tanh(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.tanh(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = 1 / (1 + e^(-a_ij))}, computed as {@link #sigmoid(double)}. */
    public static DMatrixRMaj sigmoid(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = sigmoid(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = ln(1 + e^(a_ij))}, computed as {@link #softplus(double)}. */
    public static DMatrixRMaj softplus(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = softplus(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = a_ij^2}. */
    public static DMatrixRMaj square(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            double z = a.data[i];
            out.data[i] = z * z;
        }
        return out;
    }

    /** {@code out_ij = sqrt(a_ij)}. */
    public static DMatrixRMaj sqrt(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.sqrt(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = |a_ij|}. */
    public static DMatrixRMaj abs(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.abs(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = signum(a_ij)}: −1, 0 or 1 ({@link Math#signum}; NaN stays NaN). */
    public static DMatrixRMaj sign(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.signum(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = max(a_ij, 0)}. */
    public static DMatrixRMaj relu(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = relu(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = 1} where {@code a_ij > 0}, else 0 (the derivative of relu, 0 at 0). */
    public static DMatrixRMaj heaviside(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = heaviside(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = sin a_ij}. */
    public static DMatrixRMaj sin(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.sin(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = cos a_ij}. */
    public static DMatrixRMaj cos(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.cos(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = ln(1 + a_ij)}, accurate for small entries ({@link Math#log1p}). */
    public static DMatrixRMaj log1p(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.log1p(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = e^(a_ij) − 1}, accurate for small entries ({@link Math#expm1}). */
    public static DMatrixRMaj expm1(DMatrixRMaj a, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.expm1(a.data[i]);
        }
        return out;
    }

    /** {@code out_ij = max(a_ij, b_ij)} ({@link Math#max}), for {@code a} and {@code b} of one shape. */
    public static DMatrixRMaj maximum(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.max(a.data[i], b.data[i]);
        }
        return out;
    }

    /** {@code out_ij = max(a_ij, b)}. */
    public static DMatrixRMaj maximum(DMatrixRMaj a, double b, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.max(a.data[i], b);
        }
        return out;
    }

    /** {@code out_ij = min(a_ij, b_ij)} ({@link Math#min}), for {@code a} and {@code b} of one shape. */
    public static DMatrixRMaj minimum(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.min(a.data[i], b.data[i]);
        }
        return out;
    }

    /** {@code out_ij = min(a_ij, b)}. */
    public static DMatrixRMaj minimum(DMatrixRMaj a, double b, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.min(a.data[i], b);
        }
        return out;
    }

    /** {@code out_ij = 1} where {@code a_ij ≥ b_ij}, else 0: where a maximum takes its first operand. */
    public static DMatrixRMaj atLeast(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = atLeast(a.data[i], b.data[i]);
        }
        return out;
    }

    /** {@code out_ij = 1} where {@code a_ij ≥ b}, else 0. */
    public static DMatrixRMaj atLeast(DMatrixRMaj a, double b, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = atLeast(a.data[i], b);
        }
        return out;
    }

    /** {@code out_ij = 1} where {@code a_ij ≤ b_ij}, else 0: where a minimum takes its first operand. */
    public static DMatrixRMaj atMost(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = atMost(a.data[i], b.data[i]);
        }
        return out;
    }

    /** {@code out_ij = 1} where {@code a_ij ≤ b}, else 0. */
    public static DMatrixRMaj atMost(DMatrixRMaj a, double b, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = atMost(a.data[i], b);
        }
        return out;
    }

    /** 1 where {@code a ≥ b}, else 0 (0 if either is NaN). */
    public static double atLeast(double a, double b) {
        return a >= b ? 1.0 : 0.0;
    }

    /** 1 where {@code a ≤ b}, else 0 (0 if either is NaN). */
    public static double atMost(double a, double b) {
        return a <= b ? 1.0 : 0.0;
    }

    /** {@code out_ij = a_ij^p}, as {@link Math#pow}. */
    public static DMatrixRMaj pow(DMatrixRMaj a, double p, DMatrixRMaj out) {
        out = output(a, out);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = Math.pow(a.data[i], p);
        }
        return out;
    }

    /** {@code out} reshaped to {@code a}'s shape, or a new matrix of that shape if null. */
    private static DMatrixRMaj output(DMatrixRMaj a, DMatrixRMaj out) {
        if (out == null) {
            return new DMatrixRMaj(a.numRows, a.numCols);
        }
        out.reshape(a.numRows, a.numCols);
        return out;
    }

    /**
     * The logistic function {@code 1 / (1 + e^(-z))}, without overflow for any {@code z}: for
     * {@code z >= 0} as written ({@code e^(-z) <= 1}); for {@code z < 0} as
     * {@code e^z / (1 + e^z)} ({@code e^z < 1}), which also keeps full relative precision of the
     * tiny values far left, where {@code 1 - sigmoid(-z)} would cancel.
     */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** {@code max(z, 0)}; NaN stays NaN. */
    public static double relu(double z) {
        return z > 0 || Double.isNaN(z) ? z : 0.0;
    }

    /** 1 where {@code z > 0}, else 0: the derivative of {@link #relu(double)}, 0 at 0; NaN stays NaN. */
    public static double heaviside(double z) {
        return z > 0 ? 1.0 : Double.isNaN(z) ? z : 0.0;
    }

    /**
     * {@code ln(1 + e^z)} as {@code max(z, 0) + log1p(e^(-|z|))}: the exponential never exceeds 1,
     * so it cannot overflow ({@code softplus(1000) = 1000}), and {@code log1p} keeps relative
     * precision far left where {@code softplus(z) ~ e^z} ({@code softplus(-1000)} underflows to 0,
     * never NaN).
     */
    public static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /**
     * {@code ln sum_ij e^(a_ij)} as {@code m + ln sum_ij e^(a_ij - m)} with {@code m = max_ij a_ij},
     * so no exponential exceeds 1 (no overflow) and the largest is exactly 1 (the sum cannot
     * underflow to 0).
     *
     * <p>Infinities and NaN: when {@code m} is not finite it is the answer, with no subtraction of
     * infinities: {@code +Infinity} if any entry is {@code +Infinity} (the sum is infinite),
     * {@code -Infinity} if every entry is {@code -Infinity} or {@code a} is empty (the sum is 0), NaN
     * if any entry is NaN. {@code -Infinity} entries among finite ones contribute {@code e^-inf = 0}.
     */
    public static double logSumExp(DMatrixD1 a) {
        int n = a.getNumElements();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, a.data[i]);
        }
        if (Double.isInfinite(max) || Double.isNaN(max)) {
            return max;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(a.data[i] - max);
        }
        return max + Math.log(sum);
    }

    /**
     * {@code sum_ij a_ij^2}, scaled by the largest magnitude so that it neither overflows nor
     * underflows where the result does not. Unlike EJML's {@code elementSumSq}, which skips NaN
     * entries when it looks for the scale (so that an all-NaN matrix has 0), a NaN entry gives NaN and
     * an infinite one {@code +Infinity}: the norm of a matrix with a NaN is never a finite number.
     */
    public static double normSq(DMatrixD1 a) {
        double scale = scale(a);
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        return scale * scale * scaledSumSq(a, scale);
    }

    /**
     * {@code sqrt(sum_ij a_ij^2)}, the Frobenius norm (the 2-norm of a vector), scaled like
     * {@link #normSq}, with its treatment of NaN and infinite entries: unlike EJML's {@code normF},
     * an all-NaN matrix has norm NaN, not 0.
     */
    public static double norm(DMatrixD1 a) {
        double scale = scale(a);
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        return scale * Math.sqrt(scaledSumSq(a, scale));
    }

    /** {@code max_ij |a_ij|}; NaN if an entry is NaN (Math.max propagates it, a comparison would drop it). */
    private static double scale(DMatrixD1 a) {
        int n = a.getNumElements();
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(a.data[i]));
        }
        return scale;
    }

    private static double scaledSumSq(DMatrixD1 a, double scale) {
        int n = a.getNumElements();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = a.data[i] / scale;
            sum += v * v;
        }
        return sum;
    }

}
