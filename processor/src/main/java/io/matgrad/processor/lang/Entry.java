package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Entry (i, j) of a matrix, {@code A.get(i, j)}, a double. Linear: its adjoint is the cotangent at
 * (i, j) of a matrix of zeros ({@link Unit}). The bounds are checked by the run-time kernel.
 */
public record Entry(int row, int col) implements Op {

    @Override
    public String functionName() {
        return "get";
    }

    @Override
    public List<Dim> arguments() {
        return List.of(new Dim.Fixed(row), new Dim.Fixed(col));
    }

    @Override
    public Shape shape(List<Shape> operands) {
        if (!operands.get(0).isMatrix()) {
            throw new IllegalStateException("an entry of a double");
        }
        return Shape.SCALAR;
    }

    /** Row {@code row} and column {@code col} exist. */
    @Override
    public Map<Dim, Integer> leastSizes(List<Shape> operands) {
        Map<Dim, Integer> least = new HashMap<>();
        least.put(operands.get(0).rows(), row + 1);
        least.merge(operands.get(0).cols(), col + 1, Math::max);
        return least;
    }

    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        return new Expr.Call(this, tangents.get(0));
    }

    @Override
    public Expr adjoint(Expr.Call node, int operand, Expr cotangent) {
        Shape a = node.operand(0).shape();
        return new Expr.Scale(cotangent, new Expr.Call(new Unit(row, col, a.rows(), a.cols())));
    }

    /** The row of the Jacobian for the entry, {@code i + j·rows} in vec order. */
    @Override
    public Expr batched(Expr.Call node, int operand, Expr jacobian) {
        Shape a = node.operand(0).shape();
        Dim index = a.isVector() ? new Dim.Fixed(a.cols().equals(Dim.ONE) ? row : col)
                : Dim.sum(new Dim.Fixed(row), Dim.product(new Dim.Fixed(col), a.rows()));
        return new Expr.Call(new Block(index, new Dim.Fixed(0), Dim.ONE, jacobian.shape().cols()), jacobian);
    }

    /** Of a constant matrix, the constant; multiples and signs come out. */
    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        Expr a = node.operand(0);
        Double constant = Exprs.constantValue(a);
        if (constant != null) {
            return new Expr.Constant(constant);
        }
        if (a instanceof Expr.Scale s) {
            return rewriter.normalize(new Expr.Mul(s.factor(), rewriter.normalize(new Expr.Call(this, s.matrix()))));
        }
        if (a instanceof Expr.Neg n) {
            return rewriter.normalize(new Expr.Neg(rewriter.normalize(new Expr.Call(this, n.operand()))));
        }
        return node;
    }

    @Override
    public Notation.Form notation() {
        return new Notation.Form.Function("entry[" + row + ", " + col + "]");
    }

    @Override
    public Implementation implementation() {
        return new Implementation.ToDouble(new Routine(Block.RUNTIME, "entry"));
    }

    /** The {@code rows} x {@code cols} matrix with a 1 at ({@code row}, {@code col}), zeros elsewhere. Not in the language. */
    public record Unit(int row, int col, Dim rows, Dim cols) implements Op {
        @Override
        public String functionName() {
            return "unit";
        }

        @Override
        public Op withDims(UnaryOperator<Dim> map) {
            return new Unit(row, col, rows.map(map), cols.map(map));
        }

        @Override
        public List<Dim> arguments() {
            return List.of(new Dim.Fixed(row), new Dim.Fixed(col));
        }

        @Override
        public Shape shape(List<Shape> operands) {
            return Shape.matrix(rows, cols);
        }

        /** A constant. */
        @Override
        public Expr pushforward(Expr.Call node, List<Expr> tangents) {
            return null;
        }

        @Override
        public Notation.Form notation() {
            return new Notation.Form.Function("E[" + row + ", " + col + "]");
        }

        @Override
        public Implementation implementation() {
            return new Implementation.IntoMatrix(new Routine(Block.RUNTIME, "unit"));
        }
    }
}
