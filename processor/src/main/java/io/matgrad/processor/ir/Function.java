package io.matgrad.processor.ir;

import java.util.List;
import java.util.Objects;

/**
 * A differentiable function: the parsed body of one {@code @Differentiable} method, in canonical
 * dimensions, with what the annotation asks for.
 *
 * @param name the method's name
 * @param parameters every parameter, in declaration order
 * @param locals the body's local declarations, in order (their values are already inlined into
 *     {@code result}; they are kept to name intermediate results in generated code)
 * @param result the returned expression
 * @param requirements the dimension equalities the body needs at run time
 * @param wrt the parameters to differentiate with respect to, in the annotation's order
 * @param hessian whether Hessians are asked for
 * @param denominatorLayout whether Jacobians are asked for in denominator layout (n x m) rather
 *     than numerator layout (m x n)
 * @param wrtByDefault whether the annotation names no {@code wrt}, so that {@code wrt} is the first
 *     parameter by default (the generated Javadoc says so: it surprises users whose first
 *     parameter is data)
 */
public record Function(
        String name,
        List<Expr.Variable> parameters,
        List<Binding> locals,
        Expr result,
        List<DimRequirement> requirements,
        List<Expr.Variable> wrt,
        boolean hessian,
        boolean denominatorLayout,
        boolean wrtByDefault,
        List<LeastSize> leastSizes) {

    /** A function whose Jacobians, if any, are in numerator layout. */
    public Function(String name, List<Expr.Variable> parameters, List<Binding> locals, Expr result,
            List<DimRequirement> requirements, List<Expr.Variable> wrt, boolean hessian) {
        this(name, parameters, locals, result, requirements, wrt, hessian, false);
    }

    /** A function whose {@code wrt} the annotation names. */
    public Function(String name, List<Expr.Variable> parameters, List<Binding> locals, Expr result,
            List<DimRequirement> requirements, List<Expr.Variable> wrt, boolean hessian, boolean denominatorLayout) {
        this(name, parameters, locals, result, requirements, wrt, hessian, denominatorLayout, false);
    }

    /** A function whose dimensions need no least sizes. */
    public Function(String name, List<Expr.Variable> parameters, List<Binding> locals, Expr result,
            List<DimRequirement> requirements, List<Expr.Variable> wrt, boolean hessian, boolean denominatorLayout,
            boolean wrtByDefault) {
        this(name, parameters, locals, result, requirements, wrt, hessian, denominatorLayout, wrtByDefault, List.of());
    }

    public Function {
        Objects.requireNonNull(name);
        parameters = List.copyOf(parameters);
        locals = List.copyOf(locals);
        Objects.requireNonNull(result);
        requirements = List.copyOf(requirements);
        wrt = List.copyOf(wrt);
        leastSizes = List.copyOf(leastSizes);
    }

    /** The parameter named {@code name}, which must be one. */
    public Expr.Variable parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** A {@code double}-valued function, as opposed to a vector-valued one. */
    public boolean isScalar() {
        return result.shape().isScalar();
    }
}
