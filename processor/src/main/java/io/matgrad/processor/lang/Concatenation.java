package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Equality;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Two matrices stacked, A above B ({@code concatRows}) or A left of B ({@code concatColumns}), as
 * EJML's {@code CommonOps_DDRM} does. Linear in both: the adjoint with respect to each is its
 * {@link Block} of the cotangent.
 */
public enum Concatenation implements Op {
    ROWS("concatRows") {
        @Override
        public Shape shape(List<Shape> operands) {
            Shape a = operands.get(0);
            return Shape.matrix(Dim.sum(a.rows(), operands.get(1).rows()), a.cols());
        }

        @Override
        public List<Equality> requirements(List<Shape> operands) {
            return List.of(new Equality(operands.get(0).cols(), operands.get(1).cols()));
        }

        @Override
        Expr block(Expr.Call node, int operand, Expr cotangent) {
            Shape a = node.operand(0).shape();
            Shape part = node.operand(operand).shape();
            Dim row = operand == 0 ? new Dim.Fixed(0) : a.rows();
            return new Expr.Call(new Block(row, new Dim.Fixed(0), part.rows(), part.cols()), cotangent);
        }
    },
    COLUMNS("concatColumns") {
        @Override
        public Shape shape(List<Shape> operands) {
            Shape a = operands.get(0);
            return Shape.matrix(a.rows(), Dim.sum(a.cols(), operands.get(1).cols()));
        }

        @Override
        public List<Equality> requirements(List<Shape> operands) {
            return List.of(new Equality(operands.get(0).rows(), operands.get(1).rows()));
        }

        @Override
        Expr block(Expr.Call node, int operand, Expr cotangent) {
            Shape a = node.operand(0).shape();
            Shape part = node.operand(operand).shape();
            Dim col = operand == 0 ? new Dim.Fixed(0) : a.cols();
            return new Expr.Call(new Block(new Dim.Fixed(0), col, part.rows(), part.cols()), cotangent);
        }
    };

    private final String functionName;

    Concatenation(String functionName) {
        this.functionName = functionName;
    }

    /** The part of {@code cotangent} that belongs to operand {@code operand}. */
    abstract Expr block(Expr.Call node, int operand, Expr cotangent);

    @Override
    public String functionName() {
        return functionName;
    }

    @Override
    public String toString() {
        return functionName;
    }

    /** {@code d concat(A, B) = concat(dA, dB)}, a zero block for the operand that does not change. */
    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        List<Expr> changes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Expr t = tangents.get(i);
            changes.add(t != null ? t : Exprs.filled(0, node.operand(i).shape()));
        }
        return new Expr.Call(this, changes);
    }

    @Override
    public Expr adjoint(Expr.Call node, int operand, Expr cotangent) {
        return block(node, operand, cotangent);
    }

    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        return Exprs.isZero(node.operand(0)) && Exprs.isZero(node.operand(1)) ? Exprs.filled(0, node.shape()) : node;
    }

    /** Each operand's Jacobian placed where the operand is in the result ({@link Embed#jacobian}). */
    @Override
    public Expr batched(Expr.Call node, int operand, Expr jacobian) {
        Shape a = node.operand(0).shape();
        Dim zero = new Dim.Fixed(0);
        Dim row = this == ROWS && operand == 1 ? a.rows() : zero;
        Dim col = this == COLUMNS && operand == 1 ? a.cols() : zero;
        return Embed.jacobian(row, col, node.operand(operand).shape(), node.shape(), jacobian);
    }

    @Override
    public Notation.Form notation() {
        return new Notation.Form.Function(functionName);
    }

    @Override
    public Implementation implementation() {
        return new Implementation.IntoMatrix(Routine.commonOps(functionName));
    }
}
