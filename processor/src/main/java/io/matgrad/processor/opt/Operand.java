package io.matgrad.processor.opt;

import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Shape;
import java.util.List;

/**
 * What a kernel reads: a variable of the generated code (a parameter or a value computed earlier),
 * a literal, or a small double-valued expression written inline ({@code 2.0 * s}, {@code Math.log(t)}).
 */
public sealed interface Operand {

    Shape shape();

    /** The operands this one is computed from: none for a variable, an entry or a literal. */
    List<Operand> children();

    /** This operand computed from {@code children} instead, in order. */
    Operand withChildren(List<Operand> children);

    <R> R accept(OperandVisitor<R> visitor);

    /** Whether this is the literal {@code value}. */
    default boolean isLiteral(double value) {
        return this instanceof Literal l && l.value() == value;
    }

    /** A named variable: a parameter or an earlier result. */
    record Ref(String name, Shape shape) implements Leaf {
        @Override
        public <R> R accept(OperandVisitor<R> visitor) {
            return visitor.visitRef(this);
        }
    }

    record Literal(double value) implements Leaf {
        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }

        @Override
        public <R> R accept(OperandVisitor<R> visitor) {
            return visitor.visitLiteral(this);
        }
    }

    /** Inline double arithmetic. */
    record Arithmetic(Operator operator, Operand left, Operand right) implements Operand {
        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }

        @Override
        public List<Operand> children() {
            return List.of(left, right);
        }

        @Override
        public Operand withChildren(List<Operand> children) {
            return new Arithmetic(operator, children.get(0), children.get(1));
        }

        @Override
        public <R> R accept(OperandVisitor<R> visitor) {
            return visitor.visitArithmetic(this);
        }
    }

    record Negate(Operand operand) implements Operand {
        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }

        @Override
        public List<Operand> children() {
            return List.of(operand);
        }

        @Override
        public Operand withChildren(List<Operand> children) {
            return new Negate(children.get(0));
        }

        @Override
        public <R> R accept(OperandVisitor<R> visitor) {
            return visitor.visitNegate(this);
        }
    }

    /**
     * Entry {@code index} of {@code matrix} in storage order ({@code matrix.data[index]}): inside a
     * fused elementwise loop ({@link Kernel.ElementLoop}, {@link Kernel.ElementSum}), which runs
     * {@code index} over every entry of matrices of one shape.
     */
    record Entry(Ref matrix, String index) implements Leaf {
        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }

        @Override
        public <R> R accept(OperandVisitor<R> visitor) {
            return visitor.visitEntry(this);
        }
    }

    /** A dimension of a matrix, as a double: {@code A.numRows}. */
    record Dimension(io.matgrad.processor.ir.Dim dim) implements Leaf {
        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }

        @Override
        public <R> R accept(OperandVisitor<R> visitor) {
            return visitor.visitDimension(this);
        }
    }

    /** An entrywise operator of the table applied to doubles, written in its scalar form. */
    record Call(Op op, List<Operand> arguments) implements Operand {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }

        /** How the operator is written for doubles. */
        public Op.ScalarForm form() {
            return ((Op.Implementation.Entrywise) op.implementation()).scalar();
        }

        @Override
        public List<Operand> children() {
            return arguments;
        }

        @Override
        public Operand withChildren(List<Operand> children) {
            return new Call(op, children);
        }

        @Override
        public <R> R accept(OperandVisitor<R> visitor) {
            return visitor.visitCall(this);
        }
    }

    /** An operand computed from no other. */
    sealed interface Leaf extends Operand permits Ref, Literal, Entry, Dimension {
        @Override
        default List<Operand> children() {
            return List.of();
        }

        @Override
        default Operand withChildren(List<Operand> children) {
            return this;
        }
    }

    enum Operator {
        ADD("+"),
        SUBTRACT("-"),
        MULTIPLY("*"),
        DIVIDE("/");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
