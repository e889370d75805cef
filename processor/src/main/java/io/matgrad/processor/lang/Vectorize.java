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
 * {@code vec(A)}: the entries of a p x q matrix stacked column by column into a pq x 1 column, the
 * order in which matgrad numbers the entries of a matrix (the seeds' {@code D_vec X}). Not in the
 * language: Jacobians of matrices are written with it, {@code diag(vec C) J} for the Jacobian of
 * {@code C ∘ U}. Linear, and the Jacobian of its result is its operand's.
 */
public enum Vectorize implements Op {
    VEC;

    static final String RUNTIME = "io.matgrad.runtime.Vec";

    /** The number of entries of a matrix of {@code shape}, as a dimension: {@code p·q}, 1 for a double. */
    public static Dim entries(Shape shape) {
        return shape.isScalar() ? Dim.ONE : Dim.product(shape.rows(), shape.cols());
    }

    /** {@code vec(e)}: a column as it is, a row transposed, a double as it is. */
    public static Expr column(Expr e) {
        Shape s = e.shape();
        if (s.isScalar() || s.cols().equals(Dim.ONE)) {
            return e;
        }
        return s.rows().equals(Dim.ONE) ? new Expr.Transpose(e) : new Expr.Call(VEC, e);
    }

    /** {@code vec(e)ᵀ}: a row as it is, a double as it is. */
    public static Expr row(Expr e) {
        Shape s = e.shape();
        if (s.isScalar() || s.isMatrix() && s.rows().equals(Dim.ONE)) {
            return e;
        }
        return new Expr.Transpose(column(e));
    }

    @Override
    public String functionName() {
        return "vec";
    }

    @Override
    public String toString() {
        return "vec";
    }

    @Override
    public Shape shape(List<Shape> operands) {
        return Shape.matrix(entries(operands.get(0)), Dim.ONE);
    }

    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        return new Expr.Call(VEC, tangents.get(0));
    }

    @Override
    public Expr batched(Expr.Call node, int operand, Expr jacobian) {
        return jacobian;
    }

    /** Of a vector, the vector as a column; of a constant, the constant; multiples and signs come out. */
    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        Expr a = node.operand(0);
        Shape s = a.shape();
        if (s.cols().equals(Dim.ONE)) {
            return a;
        }
        if (s.rows().equals(Dim.ONE)) {
            return rewriter.normalize(new Expr.Transpose(a));
        }
        Expr uniform = uniform(a, node.shape());
        if (uniform != null) {
            return rewriter.normalize(uniform);
        }
        if (a instanceof Expr.Scale sc) {
            return rewriter.normalize(new Expr.Scale(sc.factor(), rewriter.normalize(new Expr.Call(VEC, sc.matrix()))));
        }
        if (a instanceof Expr.Neg n) {
            return rewriter.normalize(new Expr.Neg(rewriter.normalize(new Expr.Call(VEC, n.operand()))));
        }
        return node;
    }

    /**
     * A matrix all of whose entries are one value ({@code 𝟏 ⊘ s𝟏}), rebuilt with the shape
     * {@code column}: its vec. Null if {@code e} is not built from fills alone.
     */
    private static Expr uniform(Expr e, Shape column) {
        if (e instanceof Expr.Fill f) {
            return new Expr.Fill(f.value(), column);
        }
        if (e instanceof Expr.Scale s) {
            Expr m = uniform(s.matrix(), column);
            return m == null ? null : new Expr.Scale(s.factor(), m);
        }
        if (e instanceof Expr.Neg n) {
            Expr m = uniform(n.operand(), column);
            return m == null ? null : new Expr.Neg(m);
        }
        if (e instanceof Expr.Div || e instanceof Expr.Mul || e instanceof Expr.Add || e instanceof Expr.Sub) {
            List<Expr> children = e.children();
            Expr l = uniform(children.get(0), column);
            Expr r = uniform(children.get(1), column);
            return l == null || r == null ? null : e.withChildren(List.of(l, r));
        }
        return null;
    }

    @Override
    public Notation.Form notation() {
        return new Notation.Form.Function("vec");
    }

    @Override
    public Implementation implementation() {
        return new Implementation.IntoMatrix(new Routine(RUNTIME, "vec"));
    }
}
