package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Fn;
import io.matgrad.processor.ir.Reduction;
import java.util.Map;

/**
 * Forward mode at the level of matrices: the directional derivative (a Jacobian-vector product) of
 * an expression, {@code Ṅ = d/dε N(x + εv)}, as an expression of the same IR and of the shape of
 * {@code N}. The rules are the differentials themselves: {@code d(AB) = dA B + A dB},
 * {@code d(X⁻¹) = −X⁻¹ dX X⁻¹}, {@code d log|X| = ⟨X⁻ᵀ, dX⟩}.
 *
 * <p>Applied to a gradient expression it gives Hessian-vector products at the cost of about one
 * more gradient; applied column by column, Jacobians and Hessians of any function of the language.
 * The output is unsimplified; {@code opt} simplifies it.
 */
public final class ForwardMode {
    private ForwardMode() {}

    /**
     * The derivative of {@code output} when each variable named in {@code directions} moves along
     * its direction (an expression shaped like the variable); zero where nothing moves.
     */
    public static Expr tangent(Expr output, Map<String, Expr> directions) {
        Expr t = new Sweep(directions).tangent(output);
        return t != null ? t : Exprs.filled(0, output.shape());
    }

    /** Computes tangents bottom-up; {@code null} stands for zero, so inactive subtrees cost nothing. */
    private static final class Sweep extends ForwardSweep {
        private final Map<String, Expr> directions;

        Sweep(Map<String, Expr> directions) {
            this.directions = directions;
        }

        Expr tangent(Expr e) {
            return derivative(e);
        }

        @Override
        public Expr visitVariable(Expr.Variable node) {
            return directions.get(node.name());
        }

        @Override
        public Expr visitAdd(Expr.Add node) {
            return sum(tangent(node.left()), tangent(node.right()));
        }

        @Override
        public Expr visitSub(Expr.Sub node) {
            return difference(tangent(node.left()), tangent(node.right()));
        }

        @Override
        public Expr visitMul(Expr.Mul node) {
            Expr l = tangent(node.left());
            Expr r = tangent(node.right());
            return sum(l == null ? null : new Expr.Mul(l, node.right()), r == null ? null : new Expr.Mul(node.left(), r));
        }

        @Override
        public Expr visitDiv(Expr.Div node) {
            // d(a ⊘ b) = (da − (a ⊘ b) ∘ db) ⊘ b
            Expr l = tangent(node.left());
            Expr r = tangent(node.right());
            if (l == null && r == null) {
                return null;
            }
            Expr numerator = r == null ? l : l == null ? new Expr.Neg(new Expr.Mul(node, r))
                    : new Expr.Sub(l, new Expr.Mul(node, r));
            return new Expr.Div(numerator, node.right());
        }

        @Override
        public Expr visitNeg(Expr.Neg node) {
            return negated(tangent(node.operand()));
        }

        @Override
        public Expr visitScale(Expr.Scale node) {
            Expr s = tangent(node.factor());
            Expr m = tangent(node.matrix());
            return sum(s == null ? null : new Expr.Scale(s, node.matrix()), m == null ? null : new Expr.Scale(node.factor(), m));
        }

        @Override
        public Expr visitApply(Expr.Apply node) {
            Expr du = tangent(node.operand());
            return du == null ? null : new Expr.Mul(Calculus.derivative(node), du);
        }

        @Override
        public Expr visitPow(Expr.Pow node) {
            Expr base = node.base();
            Expr p = node.exponent();
            Expr db = tangent(base);
            Expr dp = tangent(p);
            Expr viaBase = db == null ? null
                    : new Expr.Mul(Exprs.times(p, new Expr.Pow(base, new Expr.Sub(p, Expr.Constant.ONE))), db);
            Expr viaExponent = dp == null ? null : Exprs.times(dp, new Expr.Mul(node, new Expr.Apply(Fn.LOG, base)));
            return sum(viaBase, viaExponent);
        }

        @Override
        public Expr visitMatMul(Expr.MatMul node) {
            Expr l = tangent(node.left());
            Expr r = tangent(node.right());
            return sum(l == null ? null : new Expr.MatMul(l, node.right()), r == null ? null : new Expr.MatMul(node.left(), r));
        }

        @Override
        public Expr visitTranspose(Expr.Transpose node) {
            Expr t = tangent(node.operand());
            return t == null ? null : new Expr.Transpose(t);
        }

        @Override
        public Expr visitInverse(Expr.Inverse node) {
            // d(X⁻¹) = −X⁻¹ dX X⁻¹
            Expr t = tangent(node.operand());
            return t == null ? null : new Expr.Neg(new Expr.MatMul(new Expr.MatMul(node, t), node));
        }

        @Override
        public Expr visitSolve(Expr.Solve node) {
            // C = A⁻¹B: dC = A⁻¹(dB − dA C)
            Expr da = tangent(node.matrix());
            Expr db = tangent(node.rhs());
            if (da == null && db == null) {
                return null;
            }
            Expr change = da == null ? db : db == null ? new Expr.Neg(new Expr.MatMul(da, node))
                    : new Expr.Sub(db, new Expr.MatMul(da, node));
            return new Expr.Solve(node.matrix(), change);
        }

        @Override
        public Expr visitDiag(Expr.Diag node) {
            Expr t = tangent(node.vector());
            return t == null ? null : new Expr.Diag(t);
        }

        @Override
        public Expr visitDiagPart(Expr.DiagPart node) {
            Expr t = tangent(node.matrix());
            return t == null ? null : new Expr.DiagPart(t);
        }

        @Override
        public Expr visitDot(Expr.Dot node) {
            Expr l = tangent(node.left());
            Expr r = tangent(node.right());
            return sum(l == null ? null : new Expr.Dot(l, node.right()), r == null ? null : new Expr.Dot(node.left(), r));
        }

        @Override
        public Expr visitReduce(Expr.Reduce node) {
            Expr a = node.operand();
            Expr t = tangent(a);
            if (t == null) {
                return null;
            }
            return switch (node.op()) {
                case TRACE -> new Expr.Reduce(Reduction.TRACE, t);
                case SUM -> new Expr.Reduce(Reduction.SUM, t);
                // d det X = det(X) ⟨X⁻ᵀ, dX⟩
                case DET -> new Expr.Mul(node, new Expr.Dot(Calculus.inverseTranspose(a), t));
                // d log|det X| = ⟨X⁻ᵀ, dX⟩
                case LOG_DET -> new Expr.Dot(Calculus.inverseTranspose(a), t);
                case NORM_SQ -> new Expr.Mul(new Expr.Constant(2), new Expr.Dot(a, t));
                case NORM -> new Expr.Div(new Expr.Dot(a, t), node);
                case LOG_SUM_EXP -> new Expr.Dot(Calculus.softmax(a, node), t);
            };
        }
    }
}
