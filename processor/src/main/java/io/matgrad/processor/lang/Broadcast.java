package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Equality;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A row vector repeated as every row of a {@code count} x n matrix ({@code rows}), or a column
 * vector as every column of an m x {@code count} one: what {@code addRowVector} and
 * {@code addColumnVector} add, and the adjoint of a sum of columns or rows. Linear; its adjoint is
 * the sum ({@link Summation}).
 *
 * @param rows whether the operand is a row, repeated as rows, rather than a column
 * @param count how many times: the result's rows (of a row) or columns (of a column)
 */
public record Broadcast(boolean rows, Dim count) implements Op {
    static final String RUNTIME = "io.matgrad.runtime.Rows";

    @Override
    public String functionName() {
        return rows ? "broadcastRows" : "broadcastColumns";
    }

    @Override
    public Op withDims(UnaryOperator<Dim> map) {
        return new Broadcast(rows, count.map(map));
    }

    @Override
    public Shape shape(List<Shape> operands) {
        Shape v = operands.get(0);
        return rows ? Shape.matrix(count, v.cols()) : Shape.matrix(v.rows(), count);
    }

    @Override
    public List<Equality> requirements(List<Shape> operands) {
        Shape v = operands.get(0);
        return List.of(rows ? new Equality(v.rows(), Dim.ONE) : new Equality(v.cols(), Dim.ONE));
    }

    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        return new Expr.Call(this, tangents.get(0));
    }

    @Override
    public Expr adjoint(Expr.Call node, int operand, Expr cotangent) {
        return new Expr.Call(rows ? Summation.COLUMNS : Summation.ROWS, cotangent);
    }

    /** Of a single entry repeated: a column of ones times its Jacobian row; else a Kronecker product of ones and an identity. */
    @Override
    public Expr batched(Expr.Call node, int operand, Expr jacobian) {
        Shape v = node.operand(0).shape();
        boolean single = rows ? v.cols().equals(Dim.ONE) : v.rows().equals(Dim.ONE);
        if (single) {
            return new Expr.MatMul(new Expr.Fill(1, Shape.matrix(count, Dim.ONE)), jacobian);
        }
        // a row repeated: (I ⊗ 𝟏) vec(r); a column repeated: (𝟏 ⊗ I) vec(c)
        Expr ones = new Expr.Fill(1, Shape.matrix(count, Dim.ONE));
        Expr repeated = rows ? new Expr.Call(Kronecker.KRON, new Expr.Identity(v.cols()), ones)
                : new Expr.Call(Kronecker.KRON, ones, new Expr.Identity(v.rows()));
        return new Expr.MatMul(repeated, jacobian);
    }

    /** Multiples and signs are pulled out. */
    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        Expr v = node.operand(0);
        if (Exprs.isZero(v)) {
            return Exprs.filled(0, node.shape());
        }
        if (v instanceof Expr.Scale s) {
            return rewriter.normalize(new Expr.Scale(s.factor(), rewriter.normalize(new Expr.Call(this, s.matrix()))));
        }
        if (v instanceof Expr.Neg n) {
            return rewriter.normalize(new Expr.Neg(rewriter.normalize(new Expr.Call(this, n.operand()))));
        }
        return node;
    }

    @Override
    public Notation.Form notation() {
        return new Notation.Form.Function(rows ? "rows" : "columns");
    }

    @Override
    public Implementation implementation() {
        return new Implementation.IntoMatrix(new Routine(RUNTIME, functionName()));
    }
}
