package io.matgrad.solvers.ddogleg;

import io.matgrad.solvers.CachedValueAndGradient;
import io.matgrad.solvers.MatrixShape;
import io.matgrad.solvers.ValueAndGradient;
import org.ddogleg.optimization.functions.FunctionNtoN;
import org.ddogleg.optimization.functions.FunctionNtoS;

/**
 * A scalar objective with its generated gradient, as the {@link FunctionNtoS} and
 * {@link FunctionNtoN} pair DDogleg's {@code UnconstrainedMinimization} takes (BFGS with a line
 * search, {@code FactoryOptimization.quasiNewtonBfgs}; BFGS in a trust region,
 * {@code FactoryOptimization.doglegBFGS}):
 *
 * <pre>{@code
 * DdoglegObjective objective = DdoglegObjective.of(n, (x, grad) -> ModelsGradients.logisticValueAndGrad(A, x, y, grad));
 * UnconstrainedMinimization bfgs = FactoryOptimization.quasiNewtonBfgs(null);
 * bfgs.setFunction(objective.function(), objective.gradient(), 0);
 * bfgs.initialize(new double[n], 1e-12, 1e-12);
 * UtilOptimize.process(bfgs, 500);
 * double[] minimum = bfgs.getParameters();
 * }</pre>
 *
 * <p>DDogleg asks for the value and the gradient in separate calls, usually at the same point: the
 * two functions share a {@link CachedValueAndGradient}, so one generated {@code nameValueAndGrad}
 * call serves both. DDogleg's point is wrapped as a matrix ({@code DMatrixRMaj.wrap}), never
 * copied; the gradient is written in place into the cache's wrapped array, from which DDogleg's
 * copy is taken ({@code n} doubles). With a generated workspace,
 * {@code (x, grad) -> workspace.valueAndGrad(A, x, y, grad)}, an evaluation allocates nothing.
 *
 * <p>Not thread-safe, like the minimizer it serves: one per minimization.
 */
public final class DdoglegObjective {
    private final CachedValueAndGradient cache;
    private final FunctionNtoS function = new Value();
    private final FunctionNtoN gradient = new Gradient();

    private DdoglegObjective(CachedValueAndGradient cache) {
        this.cache = cache;
    }

    /** An objective of n parameters, seen by {@code f} as an n x 1 column vector. */
    public static DdoglegObjective of(int n, ValueAndGradient f) {
        return of(MatrixShape.column(n), f);
    }

    /**
     * An objective of a matrix parameter ({@code shape.size()} parameters, row-major, EJML's
     * layout); {@code f} sees it, and writes its gradient, in {@code shape}.
     */
    public static DdoglegObjective of(MatrixShape shape, ValueAndGradient f) {
        return new DdoglegObjective(new CachedValueAndGradient(shape, f));
    }

    /** {@code f}, for {@code setFunction(function, gradient, minimumValue)}. */
    public FunctionNtoS function() {
        return function;
    }

    /** {@code ∇f}, for {@code setFunction(function, gradient, minimumValue)}. */
    public FunctionNtoN gradient() {
        return gradient;
    }

    /** How many times the generated method ran: the cost of the minimization so far. */
    public long evaluations() {
        return cache.evaluations();
    }

    private int n() {
        return cache.shape().size();
    }

    private final class Value implements FunctionNtoS {
        @Override
        public int getNumOfInputsN() {
            return n();
        }

        @Override
        public double process(double[] input) {
            return cache.value(input);
        }
    }

    private final class Gradient implements FunctionNtoN {
        @Override
        public int getN() {
            return n();
        }

        @Override
        public void process(double[] input, double[] output) {
            cache.gradient(input, output);
        }
    }
}
