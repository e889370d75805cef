package io.matgrad.processor.opt;

import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Shape;

/**
 * A value a generated method computes.
 *
 * @param name the variable that holds it
 * @param value what it is
 * @param given whether {@code name} is an existing matrix (an output parameter the caller passed)
 *     rather than a variable the method declares
 * @param sweep if not null, {@code value} depends on a direction variable and the output is
 *     assembled from it one basis direction at a time (a Jacobian or Hessian column by column)
 */
public record Output(String name, Expr value, boolean given, Sweep sweep) {

    public Output(String name, Expr value, boolean given) {
        this(name, value, given, null);
    }

    /**
     * A matrix assembled by sweeping {@code direction} over the unit vectors of its space, in vec
     * order: column {@code j} (or, {@code rows}, row {@code j}) of the output is
     * {@code vec(value)} with {@code direction = e_j}.
     *
     * @param shape the assembled matrix's shape
     */
    public record Sweep(Expr.Variable direction, boolean rows, Shape shape) {}
}
