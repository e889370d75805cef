package io.matgrad.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The suite: every benchmarked function by its JMH parameter name (the annotated method's name). */
public final class Problems {
    private static final Map<String, Supplier<Problem>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("leastSquares", LeastSquares::new);
        ALL.put("ridge", Ridge::new);
        ALL.put("logistic", Logistic::new);
        ALL.put("quadraticForm", QuadraticForm::new);
        ALL.put("gaussianNll", GaussianNll::new);
        ALL.put("matrixFactorization", MatrixFactorization::new);
        ALL.put("twoLayerTanh", TwoLayerTanh::new);
        ALL.put("traceAXB", TraceAXB::new);
        ALL.put("logSumExpOfAx", LogSumExpOfAx::new);
    }

    /** The seed every problem's inputs are drawn with. */
    public static final long SEED = 20240601L;

    private Problems() {}

    /** The function names, in report order. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** The named function at {@code size}, with its inputs drawn. */
    public static Problem create(String name, Size size) {
        Supplier<Problem> factory = ALL.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("No benchmarked function " + name + "; there are " + names());
        }
        Problem problem = factory.get();
        problem.setUp(size, SEED);
        return problem;
    }
}
