package io.matgrad.processor.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steps of a loop over directions that compute the same in every iteration, moved before it. */
class LoopInvariantsTest {
    private static final Shape M = Shape.ofParameter("A");
    private static final Operand.Ref A = new Operand.Ref("A", M);
    private static final Operand.Ref D = new Operand.Ref("d", M);
    private static final Operand.Ref T1 = new Operand.Ref("t1", M);
    private static final Operand.Ref T2 = new Operand.Ref("t2", M);
    private static final Operand.Ref T3 = new Operand.Ref("t3", M);
    private static final Operand.Ref OUT = new Operand.Ref("out", M);
    private static final Operand.Ref DOT = new Operand.Ref("dot", Shape.SCALAR);

    @Test
    void aTransposeOfAValueComputedBeforeTheLoopIsMovedOutWithWhatReadsOnlyIt() {
        Step transpose = step(T1, new Kernel.Transpose(A));
        Step exp = step(T2, new Kernel.Entrywise(io.matgrad.processor.lang.ElementwiseFunction.EXP, List.of(T1)));
        Step dot = step(DOT, new Kernel.Dot(T2, D));
        Step tangent = step(T3, new Kernel.Scale(DOT, A));
        Step loop = step(OUT, new Kernel.BasisLoop(D, "column", List.of(transpose, exp, dot, tangent), T3, false));

        List<Step> hoisted = LoopInvariants.hoist(List.of(loop));

        assertEquals(List.of(transpose, exp), hoisted.subList(0, 2));
        Kernel.BasisLoop body = assertInstanceOf(Kernel.BasisLoop.class, hoisted.get(2).kernel());
        assertEquals(List.of(dot, tangent), body.body());
    }

    @Test
    void whatReadsTheDirectionOrWhatTheBodyWritesStays() {
        Step readsDirection = step(T1, new Kernel.ElementBinary(A, D, false));
        Step readsBodyValue = step(T2, new Kernel.Negate(T1));
        Step inPlace = step(T2, new Kernel.Scale(new Operand.Literal(2), T2));
        Step tangent = step(T3, new Kernel.Copy(A)); // invariant, but the loop stores it: it stays
        Step loop = step(OUT, new Kernel.BasisLoop(D, "column",
                List.of(readsDirection, readsBodyValue, inPlace, tangent), T3, false));

        assertEquals(List.of(loop), LoopInvariants.hoist(List.of(loop)));
    }

    private static Step step(Operand.Ref target, Kernel kernel) {
        return new Step(target, kernel, new Expr.Variable(target.name() + "'", target.shape()));
    }
}
