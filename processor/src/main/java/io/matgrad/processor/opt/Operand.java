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

    /** A named variable: a parameter or an earlier result. */
    record Ref(String name, Shape shape) implements Operand {}

    record Literal(double value) implements Operand {
        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }
    }

    /** Inline double arithmetic. */
    record Arithmetic(Operator operator, Operand left, Operand right) implements Operand {
        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }
    }

    record Negate(Operand operand) implements Operand {
        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }
    }

    /**
     * Entry {@code index} of {@code matrix} in storage order ({@code matrix.data[index]}): inside a
     * fused elementwise loop ({@link Kernel.ElementLoop}, {@link Kernel.ElementSum}), which runs
     * {@code index} over every entry of matrices of one shape.
     */
    record Entry(Ref matrix, String index) implements Operand {
        @Override
        public Shape shape() {
            return Shape.SCALAR;
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

    /** The operands this one is computed from: none for a variable, an entry or a literal. */
    default List<Operand> children() {
        if (this instanceof Arithmetic a) {
            return List.of(a.left(), a.right());
        } else if (this instanceof Negate n) {
            return List.of(n.operand());
        } else if (this instanceof Call c) {
            return c.arguments();
        }
        return List.of();
    }

    /** Whether this is the literal {@code value}. */
    default boolean isLiteral(double value) {
        return this instanceof Literal l && l.value() == value;
    }
}
