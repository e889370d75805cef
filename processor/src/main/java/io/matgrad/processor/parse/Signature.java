package io.matgrad.processor.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code @Differentiable} method's declaration says, as far as it is in the language.
 *
 * @param parameters in declaration order; a parameter of a type outside the language has no kind
 * @param returnKind empty for a return type outside the language
 * @param wrt the parameters to differentiate with respect to, each once, all of them parameters
 * @param denominatorLayout whether {@code jacobianLayout = DENOMINATOR}
 */
record Signature(List<Parameter> parameters, Optional<Kind> returnKind, List<String> wrt, boolean hessian,
        boolean denominatorLayout) {

    record Parameter(String name, Optional<Kind> kind) {}

    /** The parameters' kinds by name; the first of two parameters of one name (javac's error) wins. */
    Map<String, Optional<Kind>> kinds() {
        Map<String, Optional<Kind>> kinds = new HashMap<>();
        parameters.forEach(p -> kinds.putIfAbsent(p.name(), p.kind()));
        return kinds;
    }

    /** Whether every type is in the language: only then can the body become a function. */
    boolean isComplete() {
        return returnKind.isPresent() && parameters.stream().allMatch(p -> p.kind().isPresent());
    }
}
