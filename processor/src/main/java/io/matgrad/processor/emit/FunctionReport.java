package io.matgrad.processor.emit;

import java.util.List;

/**
 * What the derivation report says of one function: the formula, its derivatives in math notation,
 * and for each generated method the EJML calls chosen, each under the formula it computes.
 *
 * @param signature the method as declared, e.g. {@code leastSquares(A, x, b)}
 * @param formulas the function and its derivatives, one per line
 * @param methods each workspace method's name with its body
 */
public record FunctionReport(String signature, List<String> formulas, List<Method> methods) {

    /** A generated method and the statements of its body, the formulas as comments over the calls. */
    public record Method(String name, String body) {}
}
