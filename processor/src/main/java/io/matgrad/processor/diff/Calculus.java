package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Fn;

/** Derivatives that both modes share: of the elementwise functions, and the softmax of log-sum-exp. */
final class Calculus {
    private Calculus() {}

    /** {@code f'(u)}, elementwise, for {@code node = f(u)}; written with {@code node} where that saves work. */
    static Expr derivative(Expr.Apply node) {
        Expr u = node.operand();
        Expr ones = Exprs.filled(1, u.shape());
        return switch (node.fn()) {
            case EXP -> node;
            case LOG -> new Expr.Div(ones, u);
            // 1 − tanh²
            case TANH -> new Expr.Sub(ones, new Expr.Apply(Fn.SQUARE, node));
            // σ(1 − σ)
            case SIGMOID -> new Expr.Mul(node, new Expr.Sub(ones, node));
            case SOFTPLUS -> new Expr.Apply(Fn.SIGMOID, u);
            case SQUARE -> Exprs.times(new Expr.Constant(2), u);
            case SQRT -> new Expr.Div(ones, Exprs.times(new Expr.Constant(2), node));
        };
    }

    /** {@code e^(a − lse)}, the gradient of {@code lse = logsumexp(a)}: stable, as {@code a − lse ≤ 0}. */
    static Expr softmax(Expr a, Expr logSumExp) {
        return new Expr.Apply(Fn.EXP, new Expr.Sub(a, new Expr.Scale(logSumExp, Exprs.filled(1, a.shape()))));
    }

    /** {@code X⁻ᵀ}, the gradient of {@code log|det X|}. */
    static Expr inverseTranspose(Expr x) {
        return new Expr.Transpose(new Expr.Inverse(x));
    }
}
