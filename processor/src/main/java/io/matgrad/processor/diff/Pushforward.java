package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.ExprVisitor;
import java.util.List;

/**
 * The derivative of every node of the core algebra, written once: the pushforward
 * {@code dN[dX₁, ..., dXₖ]}, the change of a node when its operands change by the given tangents,
 * as an expression linear in the tangents. The rules are the differentials of the seeds:
 * {@code d(AB) = dA B + A dB}, {@code d(X⁻¹) = −X⁻¹ dX X⁻¹}, {@code d(A⁻¹B) = A⁻¹(dB − dA A⁻¹B)};
 * an operator of the table gives its own ({@link io.matgrad.processor.ir.Op#pushforward}).
 *
 * <p>Forward mode applies it to directions, reverse mode transposes it ({@link Transposition}), and
 * Jacobian mode applies it to whole Jacobians ({@link JacobianMode}). A {@code null} tangent is zero,
 * so that operands that do not change cost nothing; a {@code null} result is zero too.
 */
final class Pushforward implements ExprVisitor<Expr> {
    private final List<Expr> tangents;

    private Pushforward(List<Expr> tangents) {
        this.tangents = tangents;
    }

    /**
     * The change of {@code node} when its operands change by {@code tangents} (parallel to its
     * operands, {@code null} for zero; at least one is not).
     */
    static Expr of(Expr node, List<Expr> tangents) {
        return node.accept(new Pushforward(tangents));
    }

    private Expr t(int operand) {
        return tangents.get(operand);
    }

    /** {@code a + b}, where either may be zero (null). */
    private static Expr sum(Expr a, Expr b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : new Expr.Add(a, b);
    }

    /** A leaf has no operands: its tangent is the caller's to give. */
    private static Expr leaf() {
        throw new IllegalStateException("a leaf has no pushforward");
    }

    @Override
    public Expr visitVariable(Expr.Variable node) {
        return leaf();
    }

    @Override
    public Expr visitConstant(Expr.Constant node) {
        return leaf();
    }

    @Override
    public Expr visitFill(Expr.Fill node) {
        return leaf();
    }

    @Override
    public Expr visitIdentity(Expr.Identity node) {
        return leaf();
    }

    @Override
    public Expr visitAdd(Expr.Add node) {
        return sum(t(0), t(1));
    }

    @Override
    public Expr visitSub(Expr.Sub node) {
        if (t(1) == null) {
            return t(0);
        }
        return t(0) == null ? new Expr.Neg(t(1)) : new Expr.Sub(t(0), t(1));
    }

    /** {@code d(a ∘ b) = da ∘ b + a ∘ db}. */
    @Override
    public Expr visitMul(Expr.Mul node) {
        return sum(t(0) == null ? null : new Expr.Mul(t(0), node.right()),
                t(1) == null ? null : new Expr.Mul(node.left(), t(1)));
    }

    /** {@code d(a ⊘ b) = (da − (a ⊘ b) ∘ db) ⊘ b}. */
    @Override
    public Expr visitDiv(Expr.Div node) {
        Expr da = t(0);
        Expr db = t(1);
        Expr numerator = db == null ? da
                : da == null ? new Expr.Neg(new Expr.Mul(node, db)) : new Expr.Sub(da, new Expr.Mul(node, db));
        return new Expr.Div(numerator, node.right());
    }

    @Override
    public Expr visitNeg(Expr.Neg node) {
        return new Expr.Neg(t(0));
    }

    /** {@code d(sA) = ds A + s dA}. */
    @Override
    public Expr visitScale(Expr.Scale node) {
        return sum(t(0) == null ? null : new Expr.Scale(t(0), node.matrix()),
                t(1) == null ? null : new Expr.Scale(node.factor(), t(1)));
    }

    /** {@code d(AB) = dA B + A dB}. */
    @Override
    public Expr visitMatMul(Expr.MatMul node) {
        return sum(t(0) == null ? null : new Expr.MatMul(t(0), node.right()),
                t(1) == null ? null : new Expr.MatMul(node.left(), t(1)));
    }

    @Override
    public Expr visitTranspose(Expr.Transpose node) {
        return new Expr.Transpose(t(0));
    }

    /** {@code d(X⁻¹) = −X⁻¹ dX X⁻¹}. */
    @Override
    public Expr visitInverse(Expr.Inverse node) {
        return new Expr.Neg(new Expr.MatMul(new Expr.MatMul(node, t(0)), node));
    }

    /** {@code C = A⁻¹B}: {@code dC = A⁻¹(dB − dA C)}. */
    @Override
    public Expr visitSolve(Expr.Solve node) {
        Expr da = t(0);
        Expr db = t(1);
        Expr change = da == null ? db
                : db == null ? new Expr.Neg(new Expr.MatMul(da, node)) : new Expr.Sub(db, new Expr.MatMul(da, node));
        return new Expr.Solve(node.matrix(), change);
    }

    @Override
    public Expr visitDiag(Expr.Diag node) {
        return new Expr.Diag(t(0));
    }

    @Override
    public Expr visitDiagPart(Expr.DiagPart node) {
        return new Expr.DiagPart(t(0));
    }

    /** {@code d⟨a, b⟩ = ⟨da, b⟩ + ⟨a, db⟩}. */
    @Override
    public Expr visitDot(Expr.Dot node) {
        return sum(t(0) == null ? null : new Expr.Dot(t(0), node.right()),
                t(1) == null ? null : new Expr.Dot(node.left(), t(1)));
    }

    @Override
    public Expr visitCall(Expr.Call node) {
        return node.op().pushforward(node, tangents);
    }
}
