package io.matgrad.processor.opt;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which variables a step reads and which it writes, for passes that move or drop steps. */
final class DataFlow {
    private DataFlow() {}

    /**
     * The variables whose values before the step the step reads. A kernel that writes only part of
     * its target, or adds to it, reads the target too.
     */
    static Set<String> reads(Step step) {
        Set<String> names = new HashSet<>();
        Kernel k = step.kernel();
        for (Operand operand : k.operands()) {
            collect(operand, names);
        }
        if (k instanceof Kernel.BasisLoop loop) {
            // a loop writes its target column by column, and its body reads and writes in turn
            names.add(step.target().name());
            for (Step inner : loop.body()) {
                names.addAll(reads(inner));
                names.addAll(writes(inner));
            }
        } else if (k instanceof Kernel.Mult m && m.accumulate()) {
            names.add(step.target().name());
        }
        return names;
    }

    /** The variables the step writes. */
    static Set<String> writes(Step step) {
        Set<String> names = new HashSet<>();
        names.add(step.target().name());
        if (step.kernel() instanceof Kernel.BasisLoop loop) {
            names.add(loop.direction().name());
            for (Step inner : loop.body()) {
                names.addAll(writes(inner));
            }
        }
        return names;
    }

    /** The variables an operand names, its entries' matrices included. */
    static void collect(Operand operand, Set<String> names) {
        if (operand instanceof Operand.Ref r) {
            names.add(r.name());
        } else if (operand instanceof Operand.Entry e) {
            names.add(e.matrix().name());
        }
        operand.children().forEach(child -> collect(child, names));
    }
}
