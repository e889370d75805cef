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

    /** The whole matrix is the matrix; a block of zeros is zeros. */
    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        Expr a = node.operand(0);
        Shape s = a.shape();
        Dim zero = new Dim.Fixed(0);
        if (row.equals(zero) && col.equals(zero) && rows.equals(s.rows()) && cols.equals(s.cols())) {
            return a;
        }
        if (Exprs.isZero(a)) {
            return Exprs.filled(0, node.shape());
        }
        return node;
    }

    /** {@code vec(S_r A S_cᵀ) = (S_c ⊗ S_r) vec(A)}, with S_r and S_c the rows of identities that select the block. */
    @Override
    public Expr batched(Expr.Call node, int operand, Expr jacobian) {
        Shape a = node.operand(0).shape();
        return new Expr.MatMul(new Expr.Call(Kronecker.KRON, selection(col, cols, a.cols()), selection(row, rows, a.rows())),
                jacobian);
    }

    /** The {@code count} x {@code total} matrix whose rows are rows {@code start} on of the identity: {@code S A} is those rows of A. */
    static Expr selection(Dim start, Dim count, Dim total) {
        return new Expr.Call(new Block(start, new Dim.Fixed(0), count, total), new Expr.Identity(total));
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
