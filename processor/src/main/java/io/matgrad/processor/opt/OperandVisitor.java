package io.matgrad.processor.opt;

/** A pass over every kind of operand; adding one breaks the build until every pass handles it. */
public interface OperandVisitor<R> {
    R visitRef(Operand.Ref operand);

    R visitLiteral(Operand.Literal operand);

    R visitArithmetic(Operand.Arithmetic operand);

    R visitNegate(Operand.Negate operand);

    R visitEntry(Operand.Entry operand);

    R visitDimension(Operand.Dimension operand);

    R visitCall(Operand.Call operand);
}
