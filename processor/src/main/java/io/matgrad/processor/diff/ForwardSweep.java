package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.ExprVisitor;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the forward sweeps share: a derivative per node, computed once (shared subexpressions are
 * differentiated once), in which {@code null} stands for zero so that subtrees that do not depend
 * on the variable cost nothing; constants have none; and the rules of a sum.
 */
abstract class ForwardSweep implements ExprVisitor<Expr> {
    /** Each node's derivative; a null value (zero) is recorded too, so that containsKey says "done". */
    private final Map<Expr, Expr> memo = new IdentityHashMap<>();

    /** The derivative of {@code e}, or null for zero. */
    final Expr derivative(Expr e) {
        if (memo.containsKey(e)) {
            return memo.get(e);
        }
        Expr d = e.accept(this);
        memo.put(e, d);
        return d;
    }

    /** {@code a + b}, where either may be zero (null). */
    static Expr sum(Expr a, Expr b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : new Expr.Add(a, b);
    }

    /** {@code a − b}, where either may be zero (null). */
    static Expr difference(Expr a, Expr b) {
        if (b == null) {
            return a;
        }
        return a == null ? new Expr.Neg(b) : new Expr.Sub(a, b);
    }

    /** {@code −a}, where {@code a} may be zero (null). */
    static Expr negated(Expr a) {
        return a == null ? null : new Expr.Neg(a);
    }

    @Override
    public final Expr visitConstant(Expr.Constant node) {
        return null;
    }

    @Override
    public final Expr visitFill(Expr.Fill node) {
        return null;
    }

    @Override
    public final Expr visitIdentity(Expr.Identity node) {
        return null;
    }
}
