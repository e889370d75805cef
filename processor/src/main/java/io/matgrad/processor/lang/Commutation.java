package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The commutation matrix {@code K} applied to a matrix whose rows are numbered as the entries of a
 * {@code rows x cols} matrix U: it renumbers them as the entries of Uᵀ, {@code vec(Uᵀ) = K vec(U)},
 * so that the Jacobian of a transpose is {@code K J}. A permutation of rows, computed as one (never
 * as a product with K). Not in the language.
 */
public record Commutation(Dim rows, Dim cols) implements Op {

    @Override
    public String functionName() {
        return "commute";
    }

    @Override
    public Op withDims(UnaryOperator<Dim> map) {
        return new Commutation(rows.map(map), cols.map(map));
    }

    @Override
    public List<Dim> arguments() {
        return List.of(rows, cols);
    }

    @Override
    public Shape shape(List<Shape> operands) {
        return operands.get(0);
    }

    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        return new Expr.Call(this, tangents.get(0));
    }

    /** The inverse permutation: Kᵀ, which renumbers the entries of Uᵀ as those of U. */
    @Override
    public Expr adjoint(Expr.Call node, int operand, Expr cotangent) {
        return new Expr.Call(new Commutation(cols, rows), cotangent);
    }

    @Override
    public Expr batched(Expr.Call node, int operand, Expr jacobian) {
        return new Expr.Call(this, jacobian);
    }

    /** Of a vector's entries, nothing moves; a permutation undone is no permutation. */
    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        Expr a = node.operand(0);
        if (rows.equals(Dim.ONE) || cols.equals(Dim.ONE)) {
            return a;
        }
        if (a instanceof Expr.Call inner && inner.op() instanceof Commutation c && c.rows().equals(cols)
                && c.cols().equals(rows)) {
            return inner.operand(0);
        }
        return node;
    }

    @Override
    public Notation.Form notation() {
        return new Notation.Form.Function("K[" + rows + ", " + cols + "]");
    }

    @Override
    public Implementation implementation() {
        return new Implementation.IntoMatrix(new Routine(Vectorize.RUNTIME, "commute"));
    }
}
