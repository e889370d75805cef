package io.matgrad.processor.opt;

import io.matgrad.processor.ir.Op;
import io.matgrad.processor.lang.Reduction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Fuses chains of elementwise steps into single loops, after the kernels are chosen.
 *
 * <p>A step is elementwise when entry k of its target depends only on entry k of its matrix
 * operands (and on doubles): {@code a ∘ b}, {@code 1 − a}, {@code tanh(a)}, {@code αa + βb}. When
 * such a step writes a temporary that only the next elementwise step reads, the first is
 * substituted into the second, entry by entry: {@code 1 − H²} followed by {@code G ∘ (1 − H²)} is
 * one loop, one pass over memory and no temporary, where EJML's calls would make three passes and
 * one temporary. A sum, a sum of squares or an inner product that reads such a chain sums it in the
 * same loop ({@code Σ softplus(z)} computes no softplus vector).
 *
 * <p>What is fused is decided on the schedule, so it sees the storage decisions: a value that
 * another step reads, or that is an output, is kept in its matrix. An elementwise step that reads
 * nothing fusible stays the EJML call it was.
 */
final class Fusion {
    /** The index of entries not yet in a loop, replaced by the loop variable when they are fused. */
    private static final String PENDING = "";

    private final List<Step> steps;
    private final Set<String> liveOut;
    private final UnaryOperator<String> freshName;
    /** The loop variable, shared with the passes over loop bodies. */
    private final LoopVariable index;

    private Fusion(List<Step> steps, Set<String> liveOut, UnaryOperator<String> freshName, LoopVariable index) {
        this.steps = new ArrayList<>(steps);
        this.liveOut = liveOut;
        this.freshName = freshName;
        this.index = index;
    }

    /**
     * The steps with their elementwise chains fused.
     *
     * @param liveOut the variables read after the steps (the outputs)
     * @param freshName a new variable name of the generated method, from a hint
     */
    static List<Step> fuse(List<Step> steps, Set<String> liveOut, UnaryOperator<String> freshName) {
        return new Fusion(steps, liveOut, freshName, new LoopVariable(freshName)).run();
    }

    private List<Step> run() {
        // the body of a loop over basis directions is fused on its own: what an iteration computes
        // is dead after it, but for the tangent the loop stores
        for (int k = 0; k < steps.size(); k++) {
            Step step = steps.get(k);
            if (step.kernel() instanceof Kernel.BasisLoop loop) {
                List<Step> body = new Fusion(loop.body(), Set.of(loop.tangent().name()), freshName, index).run();
                steps.set(k, new Step(step.target(), loop.withBody(body), step.computes()));
            }
        }
        boolean fused = true;
        while (fused) {
            fused = false;
            for (int j = 0; j < steps.size() && !fused; j++) {
                fused = fuseInto(j);
            }
        }
        return steps;
    }

    /** Fuses one producer into step {@code j}, if one qualifies; whether it did. */
    private boolean fuseInto(int j) {
        Step consumer = steps.get(j);
        Operand value = elementValue(consumer);
        if (value == null) {
            return false;
        }
        for (String t : entries(value)) {
            int i = lastWriter(t, j);
            if (i < 0) {
                continue;
            }
            Step producer = steps.get(i);
            if (completesGroup(i)) {
                // fused away, it would leave the group's first steps under a comment they no longer compute
                continue;
            }
            Operand produced = producer.target().shape().isMatrix() ? elementValue(producer) : null;
            if (produced == null || occurrences(value, t) != 1 || !movable(i, j, produced) || !dead(t, j, consumer)) {
                continue;
            }
            Operand substituted = substitute(value, t, produced);
            if (substituted != null) {
                steps.set(j, fused(consumer, reindexed(substituted, index())));
                steps.remove(i);
                return true;
            }
        }
        return false;
    }

    /**
     * Whether step {@code i} is the last of several that compute one node ({@code r = Ax − b} is a
     * {@code mult} and a {@code subtractEquals}).
     */
    private boolean completesGroup(int i) {
        if (i == 0) {
            return false;
        }
        Step before = steps.get(i - 1);
        Step step = steps.get(i);
        return before.computes() == step.computes() && before.target().equals(step.target());
    }

    private String index() {
        return index.name();
    }

    /** The variable every fused loop of a method counts with, named at the first fusion (never, if none). */
    private static final class LoopVariable {
        private final UnaryOperator<String> freshName;
        private String name;

        LoopVariable(UnaryOperator<String> freshName) {
            this.freshName = freshName;
        }

        String name() {
            if (name == null) {
                name = freshName.apply("i");
            }
            return name;
        }
    }

    private Step fused(Step consumer, Operand value) {
        Kernel kernel;
        if (consumer.target().shape().isMatrix()) {
            kernel = new Kernel.ElementLoop(index(), value);
        } else {
            String squared = null;
            if (consumer.kernel() instanceof Kernel.ElementSum s) {
                squared = s.squared();
            } else if (consumer.kernel() instanceof Kernel.Reduce r && r.op() == Reduction.NORM_SQ) {
                squared = freshName.apply("entry");
            }
            kernel = new Kernel.ElementSum(index(), extentOf(value), value, squared);
        }
        return new Step(consumer.target(), kernel, consumer.computes());
    }

    // ---------------------------------------------------------------- elementwise form

    /**
     * An entry of the step's result as an expression of the same entry of its operands, or, for a
     * sum over entries, the summed term; null if the step is not elementwise. The entries are
     * indexed by the method's loop variable once fused, by {@link #PENDING} before.
     */
    private static Operand elementValue(Step step) {
        return step.kernel().accept(ENTRY_FORM);
    }

    private static final EntryForm ENTRY_FORM = new EntryForm();

    /** What an elementwise kernel computes for one entry; null for every other kernel. */
    private static final class EntryForm implements KernelVisitor<Operand> {
        private static Operand entry(Operand.Ref matrix) {
            return new Operand.Entry(matrix, PENDING);
        }

        @Override
        public Operand visitElementLoop(Kernel.ElementLoop l) {
            return l.value();
        }

        @Override
        public Operand visitElementSum(Kernel.ElementSum s) {
            return s.term();
        }

        @Override
        public Operand visitElementBinary(Kernel.ElementBinary b) {
            return arithmetic(b.divide() ? Operand.Operator.DIVIDE : Operand.Operator.MULTIPLY, entry(b.a()), entry(b.b()));
        }

        @Override
        public Operand visitWithScalar(Kernel.WithScalar w) {
            Operand a = entry(w.a());
            return switch (w.op()) {
                case PLUS -> arithmetic(Operand.Operator.ADD, a, w.s());
                case MINUS -> arithmetic(Operand.Operator.SUBTRACT, a, w.s());
                case FROM -> arithmetic(Operand.Operator.SUBTRACT, w.s(), a);
                case DIVIDE_INTO -> arithmetic(Operand.Operator.DIVIDE, w.s(), a);
                case DIVIDED_BY -> arithmetic(Operand.Operator.DIVIDE, a, w.s());
            };
        }

        @Override
        public Operand visitEntrywise(Kernel.Entrywise f) {
            List<Operand> arguments = new ArrayList<>();
            for (Operand operand : f.operands()) {
                arguments.add(operand instanceof Operand.Ref r && r.shape().isMatrix() ? entry(r) : operand);
            }
            return new Operand.Call(f.op(), arguments);
        }

        @Override
        public Operand visitScale(Kernel.Scale s) {
            return arithmetic(Operand.Operator.MULTIPLY, s.alpha(), entry(s.a()));
        }

        @Override
        public Operand visitNegate(Kernel.Negate n) {
            return new Operand.Negate(entry(n.a()));
        }

        @Override
        public Operand visitCopy(Kernel.Copy c) {
            return entry(c.a());
        }

        @Override
        public Operand visitLinearCombination(Kernel.LinearCombination l) {
            return linearCombination(l, PENDING);
        }

        @Override
        public Operand visitReduce(Kernel.Reduce r) {
            return r.op() == Reduction.SUM || r.op() == Reduction.NORM_SQ ? entry(r.a()) : null;
        }

        @Override
        public Operand visitDot(Kernel.Dot d) {
            return arithmetic(Operand.Operator.MULTIPLY, entry(d.a()), entry(d.b()));
        }

        @Override
        public Operand visitMult(Kernel.Mult kernel) {
            return null;
        }

        @Override
        public Operand visitMultSelf(Kernel.MultSelf kernel) {
            return null;
        }

        @Override
        public Operand visitTranspose(Kernel.Transpose kernel) {
            return null;
        }

        @Override
        public Operand visitInvoke(Kernel.Invoke kernel) {
            return null;
        }

        @Override
        public Operand visitFill(Kernel.Fill kernel) {
            return null;
        }

        @Override
        public Operand visitIdentity(Kernel.Identity kernel) {
            return null;
        }

        @Override
        public Operand visitDiag(Kernel.Diag kernel) {
            return null;
        }

        @Override
        public Operand visitExtractDiag(Kernel.ExtractDiag kernel) {
            return null;
        }

        @Override
        public Operand visitFactorize(Kernel.Factorize kernel) {
            return null;
        }

        @Override
        public Operand visitInvert(Kernel.Invert kernel) {
            return null;
        }

        @Override
        public Operand visitSolve(Kernel.Solve kernel) {
            return null;
        }

        @Override
        public Operand visitScaleRows(Kernel.ScaleRows kernel) {
            return null;
        }

        @Override
        public Operand visitKronMult(Kernel.KronMult kernel) {
            return null;
        }

        @Override
        public Operand visitScaleColumns(Kernel.ScaleColumns kernel) {
            return null;
        }

        @Override
        public Operand visitBasisLoop(Kernel.BasisLoop kernel) {
            return null;
        }

        @Override
        public Operand visitLet(Kernel.Let kernel) {
            return null;
        }

        @Override
        public Operand visitInnerProductA(Kernel.InnerProductA kernel) {
            return null;
        }

        @Override
        public Operand visitDeterminant(Kernel.Determinant kernel) {
            return null;
        }
    }

    private static Operand linearCombination(Kernel.LinearCombination l, String index) {
        Operand a = coefficient(l.alpha(), new Operand.Entry(l.a(), index));
        Operand b = new Operand.Entry(l.b(), index);
        if (l.beta().isLiteral(1)) {
            return arithmetic(Operand.Operator.ADD, a, b);
        }
        if (l.beta().isLiteral(-1)) {
            return arithmetic(Operand.Operator.SUBTRACT, a, b);
        }
        return arithmetic(Operand.Operator.ADD, a, coefficient(l.beta(), b));
    }

    private static Operand coefficient(Operand alpha, Operand x) {
        if (alpha.isLiteral(1)) {
            return x;
        }
        return alpha.isLiteral(-1) ? new Operand.Negate(x) : arithmetic(Operand.Operator.MULTIPLY, alpha, x);
    }

    /**
     * {@code left operator right}, a negated term of a sum written as a subtraction ({@code a − s}
     * rather than {@code a + -s}: the same double in IEEE arithmetic).
     */
    private static Operand arithmetic(Operand.Operator operator, Operand left, Operand right) {
        if (operator == Operand.Operator.ADD && right instanceof Operand.Negate n) {
            return new Operand.Arithmetic(Operand.Operator.SUBTRACT, left, n.operand());
        }
        if (operator == Operand.Operator.ADD && left instanceof Operand.Negate n) {
            return new Operand.Arithmetic(Operand.Operator.SUBTRACT, right, n.operand());
        }
        return new Operand.Arithmetic(operator, left, right);
    }

    /** The matrix whose entries a fused sum runs over: the first read, all having one shape. */
    private static Operand.Ref extentOf(Operand value) {
        if (value instanceof Operand.Entry e) {
            return e.matrix();
        }
        for (Operand child : value.children()) {
            Operand.Ref extent = extentOf(child);
            if (extent != null) {
                return extent;
            }
        }
        return null;
    }

    /**
     * {@code value} with entry {@code t} replaced by {@code produced}; null where that would write
     * a compound expression twice ({@code x * x} for a square needs {@code x} to be a name).
     */
    private static Operand substitute(Operand value, String t, Operand produced) {
        if (value instanceof Operand.Entry e) {
            return e.matrix().name().equals(t) ? produced : e;
        }
        List<Operand> children = new ArrayList<>();
        for (Operand child : value.children()) {
            Operand substituted = substitute(child, t, produced);
            if (substituted == null) {
                return null;
            }
            children.add(substituted);
        }
        if (value instanceof Operand.Call c && c.form() instanceof Op.ScalarForm.SelfProduct
                && !(children.get(0) instanceof Operand.Leaf)) {
            return null;
        }
        return value.withChildren(children);
    }

    private static Operand reindexed(Operand value, String index) {
        if (value instanceof Operand.Entry e) {
            return new Operand.Entry(e.matrix(), index);
        }
        return value.withChildren(value.children().stream().map(child -> reindexed(child, index)).toList());
    }

    /** The matrices whose entries {@code value} reads, in order. */
    private static Set<String> entries(Operand value) {
        Set<String> names = new LinkedHashSet<>();
        collectEntries(value, names);
        return names;
    }

    private static void collectEntries(Operand value, Set<String> names) {
        if (value instanceof Operand.Entry e) {
            names.add(e.matrix().name());
        }
        value.children().forEach(child -> collectEntries(child, names));
    }

    private static int occurrences(Operand value, String t) {
        if (value instanceof Operand.Entry e) {
            return e.matrix().name().equals(t) ? 1 : 0;
        }
        return value.children().stream().mapToInt(child -> occurrences(child, t)).sum();
    }

    // ---------------------------------------------------------------- data flow

    /** The last step before {@code j} that writes {@code t}, or -1. */
    private int lastWriter(String t, int j) {
        for (int k = j - 1; k >= 0; k--) {
            if (DataFlow.writes(steps.get(k)).contains(t)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether the producer at {@code i} may be computed at {@code j} instead: nothing in between
     * reads or writes its result, or writes what it reads.
     */
    private boolean movable(int i, int j, Operand produced) {
        String t = steps.get(i).target().name();
        Set<String> inputs = entries(produced);
        for (int k = i + 1; k < j; k++) {
            Step between = steps.get(k);
            Set<String> writes = DataFlow.writes(between);
            if (writes.contains(t) || DataFlow.reads(between).contains(t)) {
                return false;
            }
            for (String input : inputs) {
                if (writes.contains(input)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the value of {@code t} the consumer at {@code j} reads is read by nothing after it. */
    private boolean dead(String t, int j, Step consumer) {
        if (consumer.target().name().equals(t)) {
            return true; // overwritten by the consumer itself
        }
        for (int k = j + 1; k < steps.size(); k++) {
            Step later = steps.get(k);
            if (DataFlow.reads(later).contains(t)) {
                return false;
            }
            if (DataFlow.writes(later).contains(t)) {
                return true;
            }
        }
        return !liveOut.contains(t);
    }
}
