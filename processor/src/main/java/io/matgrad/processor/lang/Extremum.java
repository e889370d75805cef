package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Equality;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import java.util.List;

/**
 * The elementwise maximum and minimum of two matrices of one shape, of a matrix and a double
 * (compared with every entry), or of two doubles ({@code Math.max}, {@code Math.min}). The
 * derivative follows the operand chosen; at a tie, the first.
 */
public enum Extremum implements Op {
    MAXIMUM("maximum", "max", Comparison.AT_LEAST),
    MINIMUM("minimum", "min", Comparison.AT_MOST);

    private final String functionName;
    private final String mathName;
    /** 1 where the first operand is chosen. */
    private final Comparison choosesFirst;
    private final Implementation.Entrywise implementation;

    Extremum(String functionName, String mathName, Comparison choosesFirst) {
        this.functionName = functionName;
        this.mathName = mathName;
        this.choosesFirst = choosesFirst;
        this.implementation = new Implementation.Entrywise(Routine.elementwise(functionName),
                new ScalarForm.Invoke(Routine.math(mathName)));
    }

    @Override
    public String functionName() {
        return functionName;
    }

    /** The name of the {@code java.lang.Math} function of two doubles. */
    public String mathName() {
        return mathName;
    }

    @Override
    public String toString() {
        return functionName;
    }

    @Override
    public Shape shape(List<Shape> operands) {
        return Comparison.entrywise(operands);
    }

    @Override
    public List<Equality> requirements(List<Shape> operands) {
        return Comparison.sameShapeUnlessDouble(operands);
    }

    /** {@code d max(a, b) = m ∘ da + (𝟏 − m) ∘ db}, {@code m} 1 where {@code a} is chosen. */
    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        Expr a = node.operand(0);
        Expr b = node.operand(1);
        Expr first = new Expr.Call(choosesFirst, a, b);
        Expr viaFirst = tangents.get(0) == null ? null : new Expr.Mul(first, tangents.get(0));
        Expr db = tangents.get(1);
        Expr viaSecond = null;
        if (db != null) {
            Expr second = new Expr.Sub(Exprs.ones(a), first);
            viaSecond = db.shape().isScalar() ? Exprs.times(db, second) : new Expr.Mul(second, db);
        }
        if (viaFirst == null) {
            return viaSecond;
        }
        return viaSecond == null ? viaFirst : new Expr.Add(viaFirst, viaSecond);
    }

    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        Double a = Exprs.constantValue(node.operand(0));
        Double b = Exprs.constantValue(node.operand(1));
        if (a == null || b == null) {
            return node;
        }
        return Exprs.filled(this == MAXIMUM ? Math.max(a, b) : Math.min(a, b), node.shape());
    }

    @Override
    public Notation.Form notation() {
        return new Notation.Form.Function(mathName);
    }

    @Override
    public Implementation.Entrywise implementation() {
        return implementation;
    }

    /**
     * 1 where a comparison of the entries of two matrices (or of a matrix and a double) holds, else
     * 0: which operand a maximum or minimum chose. Not in the language; a derivative's factor.
     */
    public enum Comparison implements Op {
        /** {@code a ≥ b}. */
        AT_LEAST("atLeast", "≥"),
        /** {@code a ≤ b}. */
        AT_MOST("atMost", "≤");

        private final String functionName;
        private final String symbol;
        private final Implementation.Entrywise implementation;

        Comparison(String functionName, String symbol) {
            this.functionName = functionName;
            this.symbol = symbol;
            this.implementation = new Implementation.Entrywise(Routine.elementwise(functionName),
                    new ScalarForm.Invoke(Routine.elementwise(functionName)));
        }

        @Override
        public String functionName() {
            return functionName;
        }

        @Override
        public String toString() {
            return functionName;
        }

        @Override
        public Shape shape(List<Shape> operands) {
            return entrywise(operands);
        }

        @Override
        public List<Equality> requirements(List<Shape> operands) {
            return sameShapeUnlessDouble(operands);
        }

        /** A step function: zero wherever it is differentiable. */
        @Override
        public Expr pushforward(Expr.Call node, List<Expr> tangents) {
            return null;
        }

        @Override
        public Notation.Form notation() {
            return new Notation.Form.Function("[" + symbol + "]");
        }

        @Override
        public Implementation.Entrywise implementation() {
            return implementation;
        }

        /** The shape of the first operand; the second is a double or shaped like it. */
        static Shape entrywise(List<Shape> operands) {
            Shape a = operands.get(0);
            Shape b = operands.get(1);
            if (a.isScalar() && !b.isScalar()) {
                throw new IllegalStateException("a double, then a matrix");
            }
            return a;
        }

        static List<Equality> sameShapeUnlessDouble(List<Shape> operands) {
            Shape a = operands.get(0);
            Shape b = operands.get(1);
            return b.isScalar() ? List.of()
                    : List.of(new Equality(a.rows(), b.rows()), new Equality(a.cols(), b.cols()));
        }
    }
}
