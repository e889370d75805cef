package io.matgrad.processor.testing;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.lang.ElementwiseFunction;
import io.matgrad.processor.lang.Power;
import io.matgrad.processor.lang.Reduction;
import io.matgrad.processor.ir.Shape;

/** A terse way to write IR in tests: {@code normSq(sub(mult(A, x), b))}. */
public final class Ir {
    private Ir() {}

    public static Expr.Variable matrix(String name, Dim rows, Dim cols) {
        return new Expr.Variable(name, Shape.matrix(rows, cols));
    }

    public static Expr.Variable scalar(String name) {
        return new Expr.Variable(name, Shape.SCALAR);
    }

    public static Dim rows(String m) {
        return Dim.rows(m);
    }

    public static Dim cols(String m) {
        return Dim.cols(m);
    }

    public static Expr c(double v) {
        return new Expr.Constant(v);
    }

    public static Expr add(Expr a, Expr b) {
        return new Expr.Add(a, b);
    }

    public static Expr sub(Expr a, Expr b) {
        return new Expr.Sub(a, b);
    }

    public static Expr mul(Expr a, Expr b) {
        return new Expr.Mul(a, b);
    }

    public static Expr div(Expr a, Expr b) {
        return new Expr.Div(a, b);
    }

    public static Expr neg(Expr a) {
        return new Expr.Neg(a);
    }

    public static Expr scale(Expr s, Expr a) {
        return new Expr.Scale(s, a);
    }

    public static Expr mult(Expr a, Expr b) {
        return new Expr.MatMul(a, b);
    }

    public static Expr t(Expr a) {
        return new Expr.Transpose(a);
    }

    public static Expr inv(Expr a) {
        return new Expr.Inverse(a);
    }

    public static Expr solve(Expr a, Expr b) {
        return new Expr.Solve(a, b);
    }

    public static Expr diag(Expr v) {
        return new Expr.Diag(v);
    }

    public static Expr apply(ElementwiseFunction fn, Expr a) {
        return new Expr.Call(fn, a);
    }

    public static Expr pow(Expr a, Expr p) {
        return new Expr.Call(Power.POW, a, p);
    }

    public static Expr dot(Expr a, Expr b) {
        return new Expr.Dot(a, b);
    }

    public static Expr reduce(Reduction op, Expr a) {
        return new Expr.Call(op, a);
    }

    public static Expr normSq(Expr a) {
        return reduce(Reduction.NORM_SQ, a);
    }

    public static Expr sum(Expr a) {
        return reduce(Reduction.SUM, a);
    }

    public static Expr trace(Expr a) {
        return reduce(Reduction.TRACE, a);
    }
}
