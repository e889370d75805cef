package io.matgrad.processor.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.lang.ElementwiseFunction;
import io.matgrad.processor.lang.Reduction;
import io.matgrad.processor.ir.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fusion pass on hand-built schedules: what it fuses, into what, and each reason it must not.
 * (That fused code computes the right numbers is {@code GeneratedCodeTest}'s and the fuzz test's
 * business: every generated method goes through this pass.)
 */
class FusionTest {
    private static final Shape M = Shape.ofParameter("A");
    private static final Operand.Ref A = new Operand.Ref("A", M);
    private static final Operand.Ref B = new Operand.Ref("B", M);
    private static final Operand.Ref T1 = new Operand.Ref("t1", M);
    private static final Operand.Ref T2 = new Operand.Ref("t2", M);
    private static final Operand.Ref OUT = new Operand.Ref("out", M);
    private static final Operand.Ref S = new Operand.Ref("s", Shape.SCALAR);

    @Test
    void aChainOfElementwiseStepsIsOneLoop() {
        // t1 = tanh(A); t1 = 1 − t1; out = B ∘ t1
        List<Step> fused = fuse(Set.of("out"),
                step(T1, new Kernel.Entrywise(ElementwiseFunction.TANH, List.of(A))),
                step(T1, new Kernel.WithScalar(Kernel.ScalarOp.FROM, T1, new Operand.Literal(1))),
                step(OUT, new Kernel.ElementBinary(B, T1, false)));

        assertEquals(1, fused.size());
        Kernel.ElementLoop loop = assertInstanceOf(Kernel.ElementLoop.class, fused.get(0).kernel());
        assertEquals(OUT, fused.get(0).target());
        assertEquals("i", loop.index());
        assertEquals(times(entry(B), minus(new Operand.Literal(1), new Operand.Call(ElementwiseFunction.TANH, List.of(entry(A))))), loop.value());
    }

    @Test
    void aValueReadAgainLaterKeepsItsMatrix() {
        List<Step> steps = List.of(
                step(T1, new Kernel.Entrywise(ElementwiseFunction.EXP, List.of(A))),
                step(OUT, new Kernel.ElementBinary(B, T1, false)),
                step(T2, new Kernel.Mult(new Operand.Literal(1), T1, false, B, false, false)));

        assertEquals(steps, fuse(Set.of("out", "t2"), steps.toArray(Step[]::new)));
    }

    @Test
    void anOutputKeepsItsMatrix() {
        List<Step> steps = List.of(
                step(T1, new Kernel.Entrywise(ElementwiseFunction.EXP, List.of(A))),
                step(OUT, new Kernel.ElementBinary(B, T1, false)));

        assertEquals(steps, fuse(Set.of("out", "t1"), steps.toArray(Step[]::new)));
    }

    @Test
    void aProducerWhoseInputIsOverwrittenInBetweenStaysWhereItIs() {
        // t1 = exp(t2); t2 = t2 B; out = t1 ∘ B: at out, t2 no longer holds what exp read
        List<Step> steps = List.of(
                step(T1, new Kernel.Entrywise(ElementwiseFunction.EXP, List.of(T2))),
                step(T2, new Kernel.Mult(new Operand.Literal(1), T2, false, B, false, false)),
                step(OUT, new Kernel.ElementBinary(T1, B, false)));

        assertEquals(steps, fuse(Set.of("out"), steps.toArray(Step[]::new)));
    }

    @Test
    void aValueReadTwiceByItsConsumerIsNotComputedTwice() {
        List<Step> steps = List.of(
                step(T1, new Kernel.Entrywise(ElementwiseFunction.EXP, List.of(A))),
                step(OUT, new Kernel.ElementBinary(T1, T1, false)));

        assertEquals(steps, fuse(Set.of("out"), steps.toArray(Step[]::new)));
    }

    @Test
    void aSquareOfACompoundValueIsNotFused() {
        // x * x needs x to be a name: square(exp(A)) would compute the exponential twice
        List<Step> steps = List.of(
                step(T1, new Kernel.Entrywise(ElementwiseFunction.EXP, List.of(A))),
                step(OUT, new Kernel.Entrywise(ElementwiseFunction.SQUARE, List.of(T1))));

        assertEquals(steps, fuse(Set.of("out"), steps.toArray(Step[]::new)));
    }

    @Test
    void aSumOfSquaresOfAChainIsOneLoopWithoutATemporary() {
        // t1 = A − B; s = ‖t1‖²
        List<Step> fused = fuse(Set.of("s"),
                step(T1, new Kernel.LinearCombination(new Operand.Literal(1), A, new Operand.Literal(-1), B)),
                step(S, new Kernel.Reduce(Reduction.NORM_SQ, T1)));

        assertEquals(1, fused.size());
        Kernel.ElementSum sum = assertInstanceOf(Kernel.ElementSum.class, fused.get(0).kernel());
        assertEquals(new Operand.Arithmetic(Operand.Operator.SUBTRACT, entry(A), entry(B)), sum.term());
        assertEquals("entry", sum.squared());
        assertEquals(A, sum.extent());
    }

    @Test
    void theTailOfAMultiStepNodeIsNotFusedAway() {
        // r = AB − B is a mult and a subtractEquals under one comment; fusing the second away
        // would leave "r = AB − B" over a mult
        Expr residual = new Expr.Variable("r", M);
        List<Step> steps = List.of(
                new Step(T1, new Kernel.Mult(new Operand.Literal(1), A, false, B, false, false), residual),
                new Step(T1, new Kernel.LinearCombination(new Operand.Literal(1), T1, new Operand.Literal(-1), B), residual),
                step(S, new Kernel.Reduce(Reduction.SUM, T1)));

        assertEquals(steps, fuse(Set.of("s"), steps.toArray(Step[]::new)));
    }

    @Test
    void theLoopVariableAvoidsTakenNames() {
        List<String> taken = new ArrayList<>(List.of("i"));
        List<Step> fused = Fusion.fuse(List.of(
                        step(T1, new Kernel.Entrywise(ElementwiseFunction.EXP, List.of(A))),
                        step(OUT, new Kernel.Negate(T1))),
                Set.of("out"), name -> {
                    String fresh = taken.contains(name) ? name + "2" : name;
                    taken.add(fresh);
                    return fresh;
                });

        assertEquals("i2", ((Kernel.ElementLoop) fused.get(0).kernel()).index());
        assertEquals(new Operand.Negate(new Operand.Call(ElementwiseFunction.EXP, List.of(new Operand.Entry(A, "i2")))),
                ((Kernel.ElementLoop) fused.get(0).kernel()).value());
    }

    @Test
    void theBodyOfALoopOverDirectionsIsFusedWithItsTangentKept() {
        // for each e_j in d: t1 = exp(A) ∘ d; t2 = 2 t1 (the tangent, stored by the loop)
        Operand.Ref d = new Operand.Ref("d", M);
        List<Step> body = List.of(
                step(T1, new Kernel.ElementBinary(A, d, false)),
                step(T2, new Kernel.Scale(new Operand.Literal(2), T1)));
        Step loop = step(OUT, new Kernel.BasisLoop(d, "column", body, T2, false));

        List<Step> fused = fuse(Set.of("out"), loop);

        Kernel.BasisLoop fusedLoop = assertInstanceOf(Kernel.BasisLoop.class, fused.get(0).kernel());
        assertEquals(1, fusedLoop.body().size());
        assertEquals(T2, fusedLoop.body().get(0).target());
        assertEquals(times(new Operand.Literal(2), times(entry(A), entry(d))),
                ((Kernel.ElementLoop) fusedLoop.body().get(0).kernel()).value());
    }

    private static List<Step> fuse(Set<String> liveOut, Step... steps) {
        return Fusion.fuse(List.of(steps), liveOut, name -> name);
    }

    private static Step step(Operand.Ref target, Kernel kernel) {
        return new Step(target, kernel, new Expr.Variable(target.name() + "'", target.shape()));
    }

    private static Operand entry(Operand.Ref matrix) {
        return new Operand.Entry(matrix, "i");
    }

    private static Operand times(Operand a, Operand b) {
        return new Operand.Arithmetic(Operand.Operator.MULTIPLY, a, b);
    }

    private static Operand minus(Operand a, Operand b) {
        return new Operand.Arithmetic(Operand.Operator.SUBTRACT, a, b);
    }
}
