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
        if (e instanceof Expr.Constant c) {
            return c.value() == value;
        }
        return e instanceof Expr.Fill f && f.value() == value;
    }

    /** {@code Σ left_ij right_ij} for matrices, the product for doubles. */
    public static Expr inner(Expr left, Expr right) {
        return left.shape().isScalar() ? new Expr.Mul(left, right) : new Expr.Dot(left, right);
    }

    private static void requireScalar(Expr e) {
        if (!e.shape().isScalar()) {
            throw new IllegalArgumentException("not a double: " + e);
        }
    }
}
