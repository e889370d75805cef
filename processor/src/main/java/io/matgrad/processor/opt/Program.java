package io.matgrad.processor.opt;

import io.matgrad.processor.diff.Derivation;
import io.matgrad.processor.ir.Expr;
import java.util.List;
import java.util.Set;

/**
 * The optimise-and-lower stage's result for one function: every method the generated code offers
 * for it, each with its schedule of kernels. What {@code emit} writes, and all it writes from.
 *
 * @param derivation what was derived (for the formulas the documentation shows)
 * @param methods in the order they are written
 * @param declaredNames the names the generated code declares that users chose (parameters, locals)
 *     or that stand beside them
 */
public record Program(Derivation derivation, List<Method> methods, Set<String> declaredNames) {
    /** The workspace's method that checks the arguments' dimensions. */
    public static final String CHECK_DIMENSIONS = "checkDimensions";

    public Program {
        methods = List.copyOf(methods);
        declaredNames = Set.copyOf(declaredNames);
    }

    /**
     * One thing the generated class offers for a function, as a pair of methods: the workspace's
     * allocation-free instance method, which computes into caller-owned outputs, and the contract's
     * static method, which allocates a workspace and its result and calls it.
     *
     * @param kind what the method computes
     * @param x the parameter it differentiates with respect to, if one
     * @param staticName the contract's name, e.g. {@code leastSquaresGradX}; null for the value,
     *     whose static twin is the annotated method itself
     * @param workspaceName the workspace method's name, e.g. {@code gradX}
     * @param inputs the function's parameters, then any extra input (the vector of {@code HessVec})
     * @param outputs matrices the workspace method writes, as parameters after the inputs
     * @param allocated how many of {@code outputs}, counted from the end, the static method allocates
     *     itself and returns (0 or 1) rather than taking from its caller
     * @param computes what the body computes, in order
     * @param returned the computed value the methods return
     * @param schedule the kernels that compute it
     */
    public record Method(Kind kind, Expr.Variable x, String staticName, String workspaceName, List<Expr.Variable> inputs,
            List<Expr.Variable> outputs, int allocated, List<Output> computes, Output returned, Schedule schedule) {
        public Method {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
            computes = List.copyOf(computes);
        }
    }

    /** What a generated method computes. */
    public enum Kind {
        VALUE,
        GRADIENT,
        VALUE_AND_GRADIENT,
        JACOBIAN,
        HESSIAN,
        HESSIAN_VECTOR_PRODUCT
    }
}
