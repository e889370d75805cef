package io.matgrad.benchmarks;

/**
 * The ways of computing a function and its gradients that the suite compares, each one JMH
 * benchmark method (named {@link #benchmark()}) in {@link GradientBenchmarks} or
 * {@link BaselineBenchmarks}; the peers' in their own classes (see {@link Peers}), which only a
 * build with {@code -Ppeers} compiles.
 */
public enum Implementation {
    /** The {@code @Differentiable} method itself: the value only, with MatrixOps. */
    FORWARD("forward", "forward"),
    /** Each generated static {@code nameGradX}, one call per {@code wrt} parameter. */
    GENERATED_GRAD("generatedGrad", "generated grad"),
    /** The generated static {@code nameValueAndGrad}. */
    GENERATED_VALUE_AND_GRAD("generatedValueAndGrad", "generated value+grad"),
    /** The generated {@code NameWorkspace.value}, allocation-free. */
    WORKSPACE_VALUE("workspaceValue", "workspace value"),
    /** The generated {@code NameWorkspace.valueAndGrad}, allocation-free: what the targets are about. */
    WORKSPACE_VALUE_AND_GRAD("workspaceValueAndGrad", "workspace value+grad"),
    /** The hand-written, allocation-free EJML value and gradient: the baseline to beat. */
    EXPERT_VALUE_AND_GRAD("expertValueAndGrad", "expert value+grad"),
    /** Central finite differences of the forward method, 2n evaluations (small size only). */
    FINITE_DIFFERENCES("finiteDifferences", "finite differences"),
    /** Forward-mode AD at run time, Hipparchus {@code Gradient} (small size only). */
    RUNTIME_AD("runtimeAd", "runtime AD"),
    /** PyTorch through DJL, float64, one thread: what a Java user would pick instead (a peer). */
    PYTORCH("pytorch", "PyTorch (DJL)"),
    /** SameDiff of ND4J, float64, one thread: the other library a Java user would pick (a peer). */
    SAMEDIFF("sameDiff", "SameDiff");

    private final String benchmark;
    private final String label;

    Implementation(String benchmark, String label) {
        this.benchmark = benchmark;
        this.label = label;
    }

    /** The name of its JMH benchmark method. */
    public String benchmark() {
        return benchmark;
    }

    /** Its name in reports. */
    public String label() {
        return label;
    }

    /** Whether it is another library's automatic differentiation, measured only under {@code -Ppeers}. */
    public boolean isPeer() {
        return this == PYTORCH || this == SAMEDIFF;
    }

    /** Whether it computes gradients (everything but the value-only ones). */
    public boolean computesGradients() {
        return this != FORWARD && this != WORKSPACE_VALUE;
    }
}
