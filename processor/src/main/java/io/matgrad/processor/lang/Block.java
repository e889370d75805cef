package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code rows} x {@code cols} block of a matrix whose first entry is at ({@code row},
 * {@code col}): {@code extract(A, r0, r1, c0, c1)}, and the adjoint of a concatenation. Linear: its
 * adjoint puts the cotangent back in place in a matrix of zeros ({@link Embed}). Bounds are checked
 * by the run-time kernel.
 */
public record Block(Dim row, Dim col, Dim rows, Dim cols) implements Op {
    static final String RUNTIME = "io.matgrad.runtime.Blocks";

    @Override
    public String functionName() {
        return "extract";
    }

    @Override
    public Op withDims(UnaryOperator<Dim> map) {
        return new Block(row.map(map), col.map(map), rows.map(map), cols.map(map));
    }

    @Override
    public List<Dim> arguments() {
        return List.of(row, col);
    }

    @Override
    public Shape shape(List<Shape> operands) {
        return Shape.matrix(rows, cols);
    }

    /** The block lies inside the matrix, where its position and size are known. */
    @Override
    public Map<Dim, Integer> leastSizes(List<Shape> operands) {
        Map<Dim, Integer> least = new HashMap<>();
        if (row instanceof Dim.Fixed r && rows instanceof Dim.Fixed n) {
            least.put(operands.get(0).rows(), r.size() + n.size());
        }
        if (col instanceof Dim.Fixed c && cols instanceof Dim.Fixed n) {
            least.merge(operands.get(0).cols(), c.size() + n.size(), Math::max);
        }
        return least;
    }

    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        return new Expr.Call(this, tangents.get(0));
    }

    @Override
    public Expr adjoint(Expr.Call node, int operand, Expr cotangent) {
        Shape a = node.operand(0).shape();
        return new Expr.Call(new Embed(row, col, a.rows(), a.cols()), cotangent);
    }

    @Override
    public Notation.Form notation() {
        return new Notation.Form.Function("block[" + row + ", " + col + "; " + rows + " x " + cols + "]");
    }

    @Override
    public Implementation implementation() {
        return new Implementation.IntoMatrix(new Routine(RUNTIME, "block"));
    }
}
