package io.matgrad.processor.opt;

import java.util.List;
import java.util.Map;

/**
 * A straight-line program: the steps in order, and where each requested output is found
 * afterwards (a variable, or for a double an inline expression).
 *
 * @param steps the kernels, in an order where every operand is computed before it is read
 * @param outputs each output's name (as requested) to its value
 * @param temporaries the matrix variables the steps introduce, in order of first assignment
 * @param factorizations the factorization variables the steps introduce
 */
public record Schedule(List<Step> steps, Map<String, Operand> outputs, List<Operand.Ref> temporaries,
        List<String> factorizations) {
    public Schedule {
        steps = List.copyOf(steps);
        outputs = Map.copyOf(outputs);
        temporaries = List.copyOf(temporaries);
        factorizations = List.copyOf(factorizations);
    }
}
