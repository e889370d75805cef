package io.matgrad.benchmarks;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * One benchmarked function at one size: its inputs, and every {@link Implementation} of its value
 * and gradients. A subclass per function creates the inputs and calls each implementation; the
 * gradients land in per-implementation outputs, so that tests can compare them and JMH cannot
 * discard the work.
 *
 * <p>Not thread-safe: JMH gives each benchmark thread its own instance.
 */
public abstract class Problem {
    private DMatrixRMaj[] wrt;
    private final Map<Implementation, DMatrixRMaj[]> gradients = new EnumMap<>(Implementation.class);

    /** Outputs of the implementations, one per {@code wrt} matrix, in {@code wrt} order. */
    protected DMatrixRMaj[] generatedGrad;
    protected DMatrixRMaj[] generatedValueAndGrad;
    protected DMatrixRMaj[] workspace;
    protected DMatrixRMaj[] expert;
    protected DMatrixRMaj[] runtimeAd;
    private DMatrixRMaj[] finiteDifferences;

    /** Draws the inputs for {@code size} from a generator seeded with {@code seed}; deterministic. */
    public final void setUp(Size size, long seed) {
        createInputs(size, new Random(seed));
        wrt = wrt();
        generatedGrad = outputs(Implementation.GENERATED_GRAD);
        generatedValueAndGrad = outputs(Implementation.GENERATED_VALUE_AND_GRAD);
        workspace = outputs(Implementation.WORKSPACE_VALUE_AND_GRAD);
        expert = outputs(Implementation.EXPERT_VALUE_AND_GRAD);
        runtimeAd = outputs(Implementation.RUNTIME_AD);
        finiteDifferences = outputs(Implementation.FINITE_DIFFERENCES);
        for (Implementation implementation : Implementation.values()) {
            if (implementation.isPeer()) {
                outputs(implementation); // written by the peer, through gradients(peer)
            }
        }
    }

    private DMatrixRMaj[] outputs(Implementation implementation) {
        DMatrixRMaj[] outputs = new DMatrixRMaj[wrt.length];
        for (int i = 0; i < outputs.length; i++) {
            // Shaped like the parameter, as a caller reusing its outputs would keep them.
            outputs[i] = wrt[i].createLike();
        }
        gradients.put(implementation, outputs);
        return outputs;
    }

    /** Creates the inputs; {@link Size#pick} chooses the dimensions. */
    protected abstract void createInputs(Size size, Random random);

    /** The matrices the function is differentiated with respect to, in {@code wrt} order. */
    protected abstract DMatrixRMaj[] wrt();

    /**
     * The arguments of the {@code @Differentiable} method, in its parameter order: each a
     * DMatrixRMaj (the {@link #wrt()} ones among them, the same objects) or a Double. What a peer
     * library converts into its own tensors, to write the same formula.
     */
    public abstract List<Object> arguments();

    /** {@link Implementation#FORWARD}. */
    public abstract double forward();

    /** {@link Implementation#GENERATED_GRAD}; stores the returned matrices in {@link #generatedGrad}. */
    public abstract void generatedGrad();

    /** {@link Implementation#GENERATED_VALUE_AND_GRAD}, into {@link #generatedValueAndGrad}. */
    public abstract double generatedValueAndGrad();

    /** {@link Implementation#WORKSPACE_VALUE}, with a workspace kept across calls. */
    public abstract double workspaceValue();

    /** {@link Implementation#WORKSPACE_VALUE_AND_GRAD}, into {@link #workspace}, with the same workspace. */
    public abstract double workspaceValueAndGrad();

    /** {@link Implementation#EXPERT_VALUE_AND_GRAD}, into {@link #expert}. */
    public abstract double expertValueAndGrad();

    /** {@link Implementation#RUNTIME_AD}, into {@link #runtimeAd}. */
    public abstract double runtimeAdValueAndGrad();

    /** {@link Implementation#FINITE_DIFFERENCES}: central differences of {@link #forward()}. */
    public final void finiteDifferences() {
        for (int i = 0; i < wrt.length; i++) {
            FiniteDifferences.gradient(this::forward, wrt[i], finiteDifferences[i]);
        }
    }

    /** The gradients {@code implementation} computed last, in {@code wrt} order. */
    public final DMatrixRMaj[] gradients(Implementation implementation) {
        if (!implementation.computesGradients()) {
            throw new IllegalArgumentException(implementation + " computes no gradient");
        }
        return gradients.get(implementation);
    }

    /** The number of unknowns: the entries of all {@code wrt} matrices. */
    public final int unknowns() {
        int n = 0;
        for (DMatrixRMaj m : wrt) {
            n += m.getNumElements();
        }
        return n;
    }
}
