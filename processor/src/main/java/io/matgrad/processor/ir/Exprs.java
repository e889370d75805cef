package io.matgrad.processor.ir;

/**
 * Shape-directed constructors for rules that work on doubles and matrices alike: the derivative of
 * {@code a * b} and of {@code elementMult(A, B)} are one rule, but a double scales a matrix with
 * {@link Expr.Scale} and another double with {@link Expr.Mul}.
 */
public final class Exprs {
    private Exprs() {}

    /** {@code factor * operand} for a double {@code factor} and a double or matrix {@code operand}. */
    public static Expr times(Expr factor, Expr operand) {
        requireScalar(factor);
        return operand.shape().isScalar() ? new Expr.Mul(factor, operand) : new Expr.Scale(factor, operand);
    }

    /** {@code value} everywhere, in the given shape: a {@link Expr.Constant} or a {@link Expr.Fill}. */
    public static Expr filled(double value, Shape shape) {
        return shape.isScalar() ? new Expr.Constant(value) : new Expr.Fill(value, shape);
    }

    /** The matrix (or double) of ones shaped like {@code like}. */
    public static Expr ones(Expr like) {
        return filled(1, like.shape());
    }

    /** Whether {@code e} is zero everywhere. */
    public static boolean isZero(Expr e) {
        return isFilledWith(e, 0);
    }

    /** Whether {@code e} is one everywhere (not the identity matrix). */
    public static boolean isOne(Expr e) {
        return isFilledWith(e, 1);
    }

    /** Whether {@code e} is the constant {@code value} everywhere. */
    public static boolean isFilledWith(Expr e, double value) {
        Double constant = constantValue(e);
        return constant != null && constant == value;
    }

    /** The value of a constant, or of every entry of a matrix of one constant; null for anything else. */
    public static Double constantValue(Expr e) {
        if (e instanceof Expr.Constant c) {
            return c.value();
        }
        return e instanceof Expr.Fill f ? f.value() : null;
    }

    /** {@code Σ left_ij right_ij} for matrices, the product for doubles. */
    public static Expr inner(Expr left, Expr right) {
        return left.shape().isScalar() ? new Expr.Mul(left, right) : new Expr.Dot(left, right);
    }

    /**
     * {@code e} with every dimension in it (of parameters, of constant matrices, of the operators of
     * the table) replaced by {@code map}'s image; shared nodes are rewritten once ({@code memo}).
     */
    public static Expr mapDims(Expr e, java.util.function.UnaryOperator<Dim> map, java.util.Map<Expr, Expr> memo) {
        return Dag.bottomUp(e, node -> {
            if (node instanceof Expr.Variable v) {
                return new Expr.Variable(v.name(), v.shape().map(map));
            } else if (node instanceof Expr.Fill f) {
                return new Expr.Fill(f.value(), f.shape().map(map));
            } else if (node instanceof Expr.Identity i) {
                return new Expr.Identity(i.size().map(map));
            } else if (node instanceof Expr.Call c) {
                Op op = c.op().withDims(map);
                return op.equals(c.op()) ? c : new Expr.Call(op, c.operands());
            }
            return node;
        }, memo);
    }

    // ---------------------------------------------------------------- Jacobians of vectors

    /** The entries of a vector as a column. */
    public static Expr column(Expr v) {
        return v.shape().cols().equals(Dim.ONE) ? v : new Expr.Transpose(v);
    }

    /** The entries of a vector as a row: {@code vec(v)ᵀ}, or a double as it is. */
    public static Expr row(Expr v) {
        if (v.shape().isScalar()) {
            return v;
        }
        return v.shape().cols().equals(Dim.ONE) ? new Expr.Transpose(v) : v;
    }

    /**
     * {@code diag(d) J}: each row of the Jacobian {@code j} scaled by an entry of the vector
     * {@code d} (a double scales all): the Jacobian of {@code d ∘ u} when {@code j} is u's.
     */
    public static Expr scaleRows(Expr d, Expr j) {
        return d.shape().isScalar() ? new Expr.Scale(d, j) : new Expr.MatMul(new Expr.Diag(column(d)), j);
    }

    /** {@code vec(v)ᵀ J}: the Jacobian of {@code ⟨v, u⟩} when {@code j} is u's. */
    public static Expr dotRow(Expr v, Expr j) {
        return v.shape().isScalar() ? new Expr.Scale(v, j) : new Expr.MatMul(row(v), j);
    }

    private static void requireScalar(Expr e) {
        if (!e.shape().isScalar()) {
            throw new IllegalArgumentException("not a double: " + e);
        }
    }
}
