package io.matgrad.processor.emit;

import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The least size of each free dimension of a function's parameters that its formula reads at
 * constant positions ({@code A.get(2, 0)} needs three rows of {@code A}), for drawing points to
 * check it at: each operator's {@code leastSizes}, as the table states it.
 */
final class LeastSizes {
    private LeastSizes() {}

    /** By dimension, as the checks name it ({@code "A.numRows"}); only the dimensions of parameters. */
    static Map<String, Integer> of(Function f) {
        Map<String, Integer> least = new TreeMap<>();
        for (Expr e : Dag.postOrder(List.of(f.result()))) {
            if (e instanceof Expr.Call call) {
                List<io.matgrad.processor.ir.Shape> shapes = call.operands().stream().map(Expr::shape).toList();
                call.op().leastSizes(shapes).forEach((dim, size) -> {
                    if (dim instanceof Dim.Axis && size > 1) {
                        least.merge(dim.toString(), size, Math::max);
                    }
                });
            }
        }
        return least;
    }
}
