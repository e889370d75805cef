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
        for (Operand operand : operands(k)) {
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

    /** What a kernel reads, as operands (a loop's body aside). */
    private static List<Operand> operands(Kernel k) {
        if (k instanceof Kernel.Mult m) {
            return List.of(m.alpha(), m.a(), m.b());
        } else if (k instanceof Kernel.MultSelf m) {
            return List.of(m.a());
        } else if (k instanceof Kernel.LinearCombination l) {
            return List.of(l.alpha(), l.a(), l.beta(), l.b());
        } else if (k instanceof Kernel.Scale s) {
            return List.of(s.alpha(), s.a());
        } else if (k instanceof Kernel.Negate n) {
            return List.of(n.a());
        } else if (k instanceof Kernel.Transpose t) {
            return List.of(t.a());
        } else if (k instanceof Kernel.ElementBinary b) {
            return List.of(b.a(), b.b());
        } else if (k instanceof Kernel.WithScalar w) {
            return List.of(w.a(), w.s());
        } else if (k instanceof Kernel.Entrywise f) {
            return f.operands();
        } else if (k instanceof Kernel.Fill f) {
            return List.of(f.value());
        } else if (k instanceof Kernel.Identity i) {
            return List.of(i.scale());
        } else if (k instanceof Kernel.Diag d) {
            return List.of(d.vector());
        } else if (k instanceof Kernel.ExtractDiag d) {
            return List.of(d.matrix());
        } else if (k instanceof Kernel.Factorize f) {
            return List.of(f.a());
        } else if (k instanceof Kernel.Invert i) {
            return List.of(i.factors());
        } else if (k instanceof Kernel.Solve s) {
            return List.of(s.factors(), s.b());
        } else if (k instanceof Kernel.Copy c) {
            return List.of(c.a());
        } else if (k instanceof Kernel.ScaleRows r) {
            return List.of(r.d(), r.m());
        } else if (k instanceof Kernel.ScaleColumns c) {
            return List.of(c.m(), c.d());
        } else if (k instanceof Kernel.BasisLoop l) {
            return List.of(l.direction(), l.tangent());
        } else if (k instanceof Kernel.ElementLoop l) {
            return List.of(l.value());
        } else if (k instanceof Kernel.Let l) {
            return List.of(l.value());
        } else if (k instanceof Kernel.Dot d) {
            return List.of(d.a(), d.b());
        } else if (k instanceof Kernel.InnerProductA p) {
            return List.of(p.x(), p.a(), p.y());
        } else if (k instanceof Kernel.Reduce r) {
            return List.of(r.a());
        } else if (k instanceof Kernel.ElementSum s) {
            return List.of(s.extent(), s.term());
        } else if (k instanceof Kernel.Determinant d) {
            return List.of(d.factors());
        }
        throw new IllegalStateException("unknown kernel " + k);
    }
}
