package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A block placed at ({@code row}, {@code col}) in a {@code rows} x {@code cols} matrix of zeros:
 * the adjoint of taking a {@link Block}, and its transpose. Not in the language.
 */
public record Embed(Dim row, Dim col, Dim rows, Dim cols) implements Op {

    @Override
    public String functionName() {
        return "embed";
    }

    @Override
    public Op withDims(UnaryOperator<Dim> map) {
        return new Embed(row.map(map), col.map(map), rows.map(map), cols.map(map));
    }

    @Override
    public List<Dim> arguments() {
        return List.of(row, col);
    }

    @Override
    public Shape shape(List<Shape> operands) {
        return Shape.matrix(rows, cols);
    }

    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        return new Expr.Call(this, tangents.get(0));
    }

    @Override
    public Expr adjoint(Expr.Call node, int operand, Expr cotangent) {
        Shape b = node.operand(0).shape();
        return new Expr.Call(new Block(row, col, b.rows(), b.cols()), cotangent);
    }

    /** In place of the whole matrix, the block itself; zeros placed are zeros. */
    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        Expr b = node.operand(0);
        Shape s = b.shape();
        Dim zero = new Dim.Fixed(0);
        if (row.equals(zero) && col.equals(zero) && rows.equals(s.rows()) && cols.equals(s.cols())) {
            return b;
        }
        if (Exprs.isZero(b)) {
            return Exprs.filled(0, node.shape());
        }
        return node;
    }

    @Override
    public Expr batched(Expr.Call node, int operand, Expr jacobian) {
        return jacobian(row, col, node.operand(0).shape(), Shape.matrix(rows, cols), jacobian);
    }

    /**
     * The Jacobian of a matrix of zeros of shape {@code whole} with a block of shape {@code block}
     * placed at ({@code row}, {@code col}), from the block's {@code jacobian}:
     * {@code vec(S_rᵀ B S_c) = (S_cᵀ ⊗ S_rᵀ) vec(B)}.
     */
    static Expr jacobian(Dim row, Dim col, Shape block, Shape whole, Expr jacobian) {
        Expr rows = new Expr.Transpose(Block.selection(row, block.rows(), whole.rows()));
        Expr cols = new Expr.Transpose(Block.selection(col, block.cols(), whole.cols()));
        return new Expr.MatMul(new Expr.Call(Kronecker.KRON, cols, rows), jacobian);
    }

    @Override
    public Notation.Form notation() {
        return new Notation.Form.Function("embed[" + row + ", " + col + "; " + rows + " x " + cols + "]");
    }

    @Override
    public Implementation implementation() {
        return new Implementation.IntoMatrix(new Routine(Block.RUNTIME, "embed"));
    }
}
