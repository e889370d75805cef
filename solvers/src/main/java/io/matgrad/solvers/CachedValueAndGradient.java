package io.matgrad.solvers;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * A {@link ValueAndGradient} that remembers its last point, so that a solver asking for {@code f(x)}
 * and {@code ∇f(x)} in separate calls pays for one evaluation.
 *
 * <p>Solvers written against separate function and gradient objects (DDogleg's {@code FunctionNtoS}
 * and {@code FunctionNtoN}, Hipparchus's {@code ObjectiveFunction} and
 * {@code ObjectiveFunctionGradient}) typically evaluate {@code f} at a point and then, if the point
 * is kept, {@code ∇f} at the same point. A generated {@code nameValueAndGrad} computes both in one
 * pass, sharing what they have in common; this cache hands the second request the result of the
 * first. The price: a point where the solver only wanted {@code f} (a rejected line-search trial)
 * also computes {@code ∇f}, which for reverse-mode derivatives costs a small constant times
 * {@code f} itself.
 *
 * <p>Points are compared by value, entry by entry, not by identity: solvers reuse and overwrite one
 * array for every trial point. The comparison and the copy of the point cost {@code O(n)}, nothing
 * next to an evaluation.
 *
 * <p>Not thread-safe: use one per solver run (the adapters make one per adapted function).
 */
public final class CachedValueAndGradient {
    private final MatrixShape shape;
    private final ValueAndGradient function;
    /** The last point evaluated, copied: the solver's own array changes under us. */
    private final double[] point;
    private final double[] gradient;
    private double value;
    private boolean cached;
    private long evaluations;

    /** A cache for {@code function}, whose parameters are solvers' arrays seen as {@code shape}. */
    public CachedValueAndGradient(MatrixShape shape, ValueAndGradient function) {
        this.shape = shape;
        this.function = function;
        this.point = new double[shape.size()];
        this.gradient = new double[shape.size()];
    }

    /** The shape the function sees its argument (and gradient) in. */
    public MatrixShape shape() {
        return shape;
    }

    /** {@code f(x)}, evaluating only if {@code x} differs from the last point. */
    public double value(double[] x) {
        evaluateAt(x);
        return value;
    }

    /** Writes {@code ∇f(x)} into {@code out}, evaluating only if {@code x} differs from the last point. */
    public void gradient(double[] x, double[] out) {
        evaluateAt(x);
        System.arraycopy(gradient, 0, out, 0, gradient.length);
    }

    /** How many times the function was actually called: what the solver's run cost. */
    public long evaluations() {
        return evaluations;
    }

    private void evaluateAt(double[] x) {
        if (cached && x.length >= point.length && Arrays.equals(point, 0, point.length, x, 0, point.length)) {
            return;
        }
        DMatrixRMaj xView = shape.wrap(x);
        DMatrixRMaj gradientView = shape.wrap(gradient);
        // invalid until the call returns normally: an exception must not leave a half-written entry
        cached = false;
        evaluations++;
        value = function.valueAndGradient(xView, gradientView);
        shape.requireWrittenInPlace(gradientView, gradient, "the gradient");
        System.arraycopy(x, 0, point, 0, point.length);
        cached = true;
    }
}
