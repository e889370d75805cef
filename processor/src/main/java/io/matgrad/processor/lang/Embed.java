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

    @Override
    public Notation.Form notation() {
        return new Notation.Form.Function("embed[" + row + ", " + col + "; " + rows + " x " + cols + "]");
    }

    @Override
    public Implementation implementation() {
        return new Implementation.IntoMatrix(new Routine(Block.RUNTIME, "embed"));
    }
}
