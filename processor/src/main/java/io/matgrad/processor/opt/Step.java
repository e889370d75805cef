package io.matgrad.processor.opt;

import io.matgrad.processor.ir.Expr;

/**
 * One statement of the generated code: {@code kernel} computing into {@code target}.
 *
 * @param target the variable written; for an in-place kernel, one of its operands
 * @param kernel the routine called
 * @param computes the expression whose value the target holds afterwards (for the comment over it)
 */
public record Step(Operand.Ref target, Kernel kernel, Expr computes) {}
