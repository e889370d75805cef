package io.matgrad.solvers.hipparchus;

import io.matgrad.solvers.CachedValueAndGradient;
import io.matgrad.solvers.MatrixShape;
import io.matgrad.solvers.ValueAndGradient;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;

/**
 * A scalar objective with its generated gradient, as the {@link ObjectiveFunction} and
 * {@link ObjectiveFunctionGradient} Hipparchus's gradient optimizers take (nonlinear conjugate
 * gradient, {@code NonLinearConjugateGradientOptimizer}):
 *
 * <pre>{@code
 * HipparchusObjective objective = HipparchusObjective.of(n, (x, grad) -> ModelsGradients.logisticValueAndGrad(A, x, y, grad));
 * PointValuePair minimum = new NonLinearConjugateGradientOptimizer(Formula.POLAK_RIBIERE,
 *                 new SimpleValueChecker(1e-12, 1e-12))
 *         .optimize(new MaxEval(10_000), objective.function(), objective.gradient(),
 *                 GoalType.MINIMIZE, new InitialGuess(new double[n]));
 * }</pre>
 *
 * <p>Hipparchus asks for the value and the gradient in separate calls: they share a
 * {@link CachedValueAndGradient}, so one generated {@code nameValueAndGrad} call serves both at a
 * point. The point is wrapped, not copied; Hipparchus wants a fresh array for each gradient, which
 * is the one copy made.
 *
 * <p>Not thread-safe, like the optimizer it serves: one per optimization.
 */
public final class HipparchusObjective {
    private final CachedValueAndGradient cache;
    private final ObjectiveFunction function;
    private final ObjectiveFunctionGradient gradient;

    private HipparchusObjective(CachedValueAndGradient cache) {
        this.cache = cache;
        this.function = new ObjectiveFunction(cache::value);
        this.gradient = new ObjectiveFunctionGradient(x -> {
            double[] out = new double[cache.shape().size()];
            cache.gradient(x, out);
            return out;
        });
    }

    /** An objective of n parameters, seen by {@code f} as an n x 1 column vector. */
    public static HipparchusObjective of(int n, ValueAndGradient f) {
        return of(MatrixShape.column(n), f);
    }

    /**
     * An objective of a matrix parameter ({@code shape.size()} parameters, row-major, EJML's
     * layout); {@code f} sees it, and writes its gradient, in {@code shape}.
     */
    public static HipparchusObjective of(MatrixShape shape, ValueAndGradient f) {
        return new HipparchusObjective(new CachedValueAndGradient(shape, f));
    }

    /** {@code f}, to pass to {@code optimize(...)}. */
    public ObjectiveFunction function() {
        return function;
    }

    /** {@code ∇f}, to pass to {@code optimize(...)}. */
    public ObjectiveFunctionGradient gradient() {
        return gradient;
    }

    /** How many times the generated method ran: the cost of the optimization so far. */
    public long evaluations() {
        return cache.evaluations();
    }
}
