package io.matgrad.processor.emit;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.LeastSize;
import java.util.Map;
import java.util.TreeMap;

/**
 * The least size of each free dimension of a function's parameters that its formula reads at
 * constant positions ({@code A.get(2, 0)} needs three rows of {@code A}), for drawing points to
 * check it at: what the parser found of each operator's {@code leastSizes}.
 */
final class LeastSizes {
    private LeastSizes() {}

    /** By dimension, as the checks name it ({@code "A.numRows"}); only the dimensions of parameters. */
    static Map<String, Integer> of(Function f) {
        Map<String, Integer> least = new TreeMap<>();
        for (LeastSize l : f.leastSizes()) {
            if (l.dim() instanceof Dim.Axis && l.size() > 1) {
                least.merge(l.dim().toString(), l.size(), Math::max);
            }
        }
        return least;
    }
}
