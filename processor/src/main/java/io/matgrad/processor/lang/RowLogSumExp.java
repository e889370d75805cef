package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import java.util.List;

/**
 * {@code log Σ_j e^(a_ij)} of every row of a matrix, m x n to m x 1, computed stably (each row
 * shifted by its maximum): the normalizer of a softmax over each row.
 */
public enum RowLogSumExp implements Op {
    ROW_LOG_SUM_EXP;

    @Override
    public String functionName() {
        return "rowLogSumExp";
    }

    @Override
    public String toString() {
        return functionName();
    }

    @Override
    public Shape shape(List<Shape> operands) {
        return Shape.matrix(operands.get(0).rows(), Dim.ONE);
    }

    /** {@code d rowLogSumExp(A) = (S ∘ dA) 𝟏} with {@code S} the softmax of each row. */
    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        return new Expr.Call(Summation.ROWS, new Expr.Mul(softmax(node.operand(0), node), tangents.get(0)));
    }

    /**
     * The softmax of each row of {@code a}, {@code e^(a_ij − lse_i)}, from its row log-sum-exp
     * {@code lse}: stable, every exponent at most 0.
     */
    static Expr softmax(Expr a, Expr lse) {
        return new Expr.Call(ElementwiseFunction.EXP,
                new Expr.Sub(a, new Expr.Call(new Broadcast(false, a.shape().cols()), lse)));
    }

    @Override
    public Notation.Form notation() {
        return new Notation.Form.Function("rowlogsumexp");
    }

    @Override
    public Implementation implementation() {
        return new Implementation.IntoMatrix(new Routine(Broadcast.RUNTIME, functionName()));
    }
}
