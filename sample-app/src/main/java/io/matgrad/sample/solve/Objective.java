package io.matgrad.sample.solve;

import io.matgrad.runtime.GradientCheck;
import io.matgrad.solvers.ValueAndGradient;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * A scalar loss and its derivatives from one source, counting the calls they cost: either
 * matgrad's generated methods ({@link #generated}) or central differences of the loss itself
 * ({@link #centralDifferences}), so that one solver can be run on both and compared. One per run.
 */
public final class Objective {

    /** {@code ∇²f(x)}, written into {@code hessian} (n x n). */
    @FunctionalInterface
    public interface Hessian {
        void hessian(DMatrixRMaj x, DMatrixRMaj hessian);
    }

    /** {@code ∇²f(x) v}, written into {@code product}, without forming the Hessian. */
    @FunctionalInterface
    public interface HessianTimes {
        void hessianTimes(DMatrixRMaj x, DMatrixRMaj v, DMatrixRMaj product);
    }

    private final String source;
    private final ToDoubleFunction<DMatrixRMaj> loss;
    private final long[] calls;
    private ToDoubleFunction<DMatrixRMaj> value;
    private ValueAndGradient valueAndGradient;
    private Hessian hessian;
    private HessianTimes hessianTimes;

    private Objective(String source, ToDoubleFunction<DMatrixRMaj> loss, long[] calls) {
        this.source = source;
        this.loss = loss;
        this.calls = calls;
    }

    /**
     * Generated derivatives, from a model's generated workspace: each call of {@code value},
     * {@code valueAndGradient}, {@code hessian} or {@code hessianTimes} (the last two may be null)
     * counts one. {@code loss}, the model's own method, serves reports and is not counted.
     */
    public static Objective generated(ToDoubleFunction<DMatrixRMaj> loss, ToDoubleFunction<DMatrixRMaj> value,
            ValueAndGradient valueAndGradient, Hessian hessian, HessianTimes hessianTimes) {
        long[] calls = new long[1];
        Objective objective = new Objective("matgrad", loss, calls);
        objective.value = x -> {
            calls[0]++;
            return value.applyAsDouble(x);
        };
        objective.valueAndGradient = (x, gradient) -> {
            calls[0]++;
            return valueAndGradient.valueAndGradient(x, gradient);
        };
        if (hessian != null) {
            objective.hessian = (x, out) -> {
                calls[0]++;
                hessian.hessian(x, out);
            };
        }
        if (hessianTimes != null) {
            objective.hessianTimes = (x, v, out) -> {
                calls[0]++;
                hessianTimes.hessianTimes(x, v, out);
            };
        }
        return objective;
    }

    /**
     * Derivatives by central differences of {@code loss} ({@link GradientCheck}): a gradient costs
     * 2n calls of {@code loss}, a Hessian 2n(n + 1); every call counts one. Hessian-vector
     * products are not offered (differences of differenced gradients lose too many digits).
     */
    public static Objective centralDifferences(ToDoubleFunction<DMatrixRMaj> loss) {
        long[] calls = new long[1];
        ToDoubleFunction<DMatrixRMaj> counted = x -> {
            calls[0]++;
            return loss.applyAsDouble(x);
        };
        Objective objective = new Objective("central differences", loss, calls);
        objective.value = counted;
        objective.valueAndGradient = (x, gradient) -> {
            gradient.setTo(GradientCheck.numericalGradient(counted, x));
            return counted.applyAsDouble(x);
        };
        objective.hessian = (x, out) -> out.setTo(GradientCheck.numericalHessian(counted, x));
        return objective;
    }

    /** {@code "matgrad"} or {@code "central differences"}. */
    public String source() {
        return source;
    }

    /** The loss by the model's own method, uncounted: for progress reports and results. */
    public double loss(DMatrixRMaj x) {
        return loss.applyAsDouble(x);
    }

    /** {@code f(x)}. */
    public double value(DMatrixRMaj x) {
        return value.applyAsDouble(x);
    }

    /** {@code f(x)}, with {@code ∇f(x)} written into {@code gradient} (in place, shaped like x). */
    public double valueAndGradient(DMatrixRMaj x, DMatrixRMaj gradient) {
        return valueAndGradient.valueAndGradient(x, gradient);
    }

    /** As {@link #valueAndGradient}, for the adapters of {@code matgrad-solvers}. */
    public ValueAndGradient asValueAndGradient() {
        return valueAndGradient;
    }

    /** {@code ∇²f(x)}, into {@code out}. */
    public void hessian(DMatrixRMaj x, DMatrixRMaj out) {
        hessian.hessian(x, out);
    }

    /** {@code ∇²f(x) v}, into {@code out}. */
    public void hessianTimes(DMatrixRMaj x, DMatrixRMaj v, DMatrixRMaj out) {
        hessianTimes.hessianTimes(x, v, out);
    }

    /** The calls made so far (see {@link Run#calls()}). */
    public long calls() {
        return calls[0];
    }
}
