package io.matgrad.processor.opt;

import io.matgrad.processor.ir.Expr;

/**
 * A value a generated method computes.
 *
 * @param name the variable that holds it
 * @param value what it is
 * @param given whether {@code name} is an existing matrix (an output parameter the caller passed)
 *     rather than a variable the method declares
 */
public record Output(String name, Expr value, boolean given) {}
