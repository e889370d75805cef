package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import java.util.List;

/**
 * The sums of the rows of a matrix ({@code sumRows}: m x n to m x 1) and of its columns
 * ({@code sumCols}: m x n to 1 x n), as EJML's {@code CommonOps_DDRM} computes them. Linear: the
 * adjoint spreads a cotangent over the summed entries ({@link Broadcast}).
 */
public enum Summation implements Op {
    ROWS("sumRows") {
        @Override
        public Shape shape(List<Shape> operands) {
            return Shape.matrix(operands.get(0).rows(), Dim.ONE);
        }

        @Override
        public Expr adjoint(Expr.Call node, int operand, Expr cotangent) {
            return new Expr.Call(new Broadcast(false, node.operand(0).shape().cols()), cotangent);
        }

        @Override
        boolean keepsEveryEntry(Shape a) {
            return a.cols().equals(Dim.ONE);
        }
    },
    COLUMNS("sumCols") {
        @Override
        public Shape shape(List<Shape> operands) {
            return Shape.matrix(Dim.ONE, operands.get(0).cols());
        }

        @Override
        public Expr adjoint(Expr.Call node, int operand, Expr cotangent) {
            return new Expr.Call(new Broadcast(true, node.operand(0).shape().rows()), cotangent);
        }

        @Override
        boolean keepsEveryEntry(Shape a) {
            return a.rows().equals(Dim.ONE);
        }
    };

    private final String functionName;

    Summation(String functionName) {
        this.functionName = functionName;
    }

    /** Whether each sum has one term: the sums of the rows of a column are its entries. */
    abstract boolean keepsEveryEntry(Shape a);

    @Override
    public String functionName() {
        return functionName;
    }

    @Override
    public String toString() {
        return functionName;
    }

    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        return new Expr.Call(this, tangents.get(0));
    }

    /** Of a vector: the vector itself, or the sum of all its entries; of a matrix, a Kronecker product of ones and an identity. */
    @Override
    public Expr batched(Expr.Call node, int operand, Expr jacobian) {
        Expr a = node.operand(0);
        if (keepsEveryEntry(a.shape())) {
            return jacobian;
        }
        if (a.shape().isVector()) {
            return Exprs.dotRow(Exprs.ones(a), jacobian);
        }
        // the sums of the rows: (𝟏ᵀ ⊗ I) vec(A); of the columns: (I ⊗ 𝟏ᵀ) vec(A)
        Shape s = a.shape();
        Expr summed = this == ROWS
                ? new Expr.Call(Kronecker.KRON, Exprs.filled(1, Shape.matrix(Dim.ONE, s.cols())), new Expr.Identity(s.rows()))
                : new Expr.Call(Kronecker.KRON, new Expr.Identity(s.cols()), Exprs.filled(1, Shape.matrix(Dim.ONE, s.rows())));
        return new Expr.MatMul(summed, jacobian);
    }

    /** Of zero, zero; multiples and signs are pulled out, where the products that read the sum take them. */
    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        Expr a = node.operand(0);
        if (Exprs.isZero(a)) {
            return Exprs.filled(0, node.shape());
        }
        if (a instanceof Expr.Scale s) {
            return rewriter.normalize(new Expr.Scale(s.factor(), rewriter.normalize(new Expr.Call(this, s.matrix()))));
        }
        if (a instanceof Expr.Neg n) {
            return rewriter.normalize(new Expr.Neg(rewriter.normalize(new Expr.Call(this, n.operand()))));
        }
        return node;
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
