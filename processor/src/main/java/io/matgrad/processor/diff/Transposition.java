package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.ExprVisitor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Transposes a linear map given as an expression: for an expression {@code L} linear in some
 * placeholder variables and a cotangent {@code C̄} shaped like {@code L}, the cotangent of each
 * placeholder {@code T}, the {@code T̄} with {@code ⟨C̄, L⟩ = Σ ⟨T̄, T⟩}. Applied to a node's
 * {@link Pushforward}, it gives the adjoints reverse mode propagates: the trace method read
 * backwards ({@code dC = dA B} gives {@code Ā = C̄Bᵀ}).
 *
 * <p>The map is taken apart from the outside in, each linear operation passing its adjoint of the
 * cotangent inwards. Operations that scale entries ({@code c ∘ T}, {@code T ⊘ c}, {@code sT},
 * {@code −T}) are diagonal, hence their own adjoints, and commute: a run of them is applied to the
 * cotangent as it stands in the pushforward, innermost first, so that {@code (a ∘ dB) ⊘ b} gives
 * {@code (C̄ ∘ a) ⊘ b}. A sign commutes with every linear map: it is applied last, to the
 * placeholder's whole cotangent, so that {@code −X⁻¹ dX X⁻¹} gives {@code −(X⁻ᵀC̄)X⁻ᵀ}. A chain of
 * products is transposed at once: {@code A dX B} gives {@code (AᵀC̄)Bᵀ}.
 */
final class Transposition {
    private final Set<String> placeholders;
    private final Map<Expr, Boolean> linear = new IdentityHashMap<>();
    private final Map<String, List<Expr>> cotangents = new LinkedHashMap<>();

    private Transposition(Set<String> placeholders) {
        this.placeholders = placeholders;
    }

    /**
     * The cotangent contributions of each placeholder (by name, each list in the order found) when
     * {@code map}, linear in the placeholders, has cotangent {@code cotangent}.
     */
    static Map<String, List<Expr>> transpose(Expr map, Expr cotangent, Set<String> placeholders) {
        Transposition t = new Transposition(placeholders);
        t.visit(map, cotangent, List.of(), false);
        return t.cotangents;
    }

    private boolean isLinear(Expr e) {
        return Dag.dependsOn(e, placeholders, linear);
    }

    /**
     * Passes {@code cotangent} into {@code e}; {@code pending} are the diagonal operations met on
     * the way and not yet applied, outermost first, and {@code negated} whether an odd number of
     * signs was.
     */
    private void visit(Expr e, Expr cotangent, List<UnaryOperator<Expr>> pending, boolean negated) {
        e.accept(new Step(cotangent, pending, negated));
    }

    /** The cotangent with the pending diagonal operations applied, as they stand: innermost first. */
    private static Expr applied(Expr cotangent, List<UnaryOperator<Expr>> pending) {
        Expr c = cotangent;
        for (int i = pending.size() - 1; i >= 0; i--) {
            c = pending.get(i).apply(c);
        }
        return c;
    }

    private static List<UnaryOperator<Expr>> with(List<UnaryOperator<Expr>> pending, UnaryOperator<Expr> op) {
        List<UnaryOperator<Expr>> more = new ArrayList<>(pending);
        more.add(op);
        return more;
    }

    /** One node of the map, visited with its cotangent. */
    private final class Step implements ExprVisitor<Void> {
        private final Expr cotangent;
        private final List<UnaryOperator<Expr>> pending;
        private final boolean negated;

        Step(Expr cotangent, List<UnaryOperator<Expr>> pending, boolean negated) {
            this.cotangent = cotangent;
            this.pending = pending;
            this.negated = negated;
        }

        /** The cotangent, every pending diagonal operation applied (not the sign, which is applied last). */
        private Expr cotangent() {
            return applied(cotangent, pending);
        }

        private void diagonal(Expr operand, UnaryOperator<Expr> op) {
            visit(operand, cotangent, with(pending, op), negated);
        }

        private void negate(Expr operand) {
            visit(operand, cotangent, pending, !negated);
        }

        /** Passes a cotangent that a non-diagonal operation made of this one (the sign still pending). */
        private void pass(Expr operand, Expr transformed) {
            visit(operand, transformed, List.of(), negated);
        }

        private Void nonlinear(Expr node) {
            throw new IllegalStateException("not linear in the tangents: " + node.getClass().getSimpleName());
        }

        @Override
        public Void visitVariable(Expr.Variable node) {
            if (!placeholders.contains(node.name())) {
                return nonlinear(node);
            }
            Expr c = cotangent();
            cotangents.computeIfAbsent(node.name(), k -> new ArrayList<>()).add(negated ? new Expr.Neg(c) : c);
            return null;
        }

        @Override
        public Void visitConstant(Expr.Constant node) {
            return nonlinear(node);
        }

        @Override
        public Void visitFill(Expr.Fill node) {
            return nonlinear(node);
        }

        @Override
        public Void visitIdentity(Expr.Identity node) {
            return nonlinear(node);
        }

        @Override
        public Void visitAdd(Expr.Add node) {
            if (isLinear(node.left())) {
                visit(node.left(), cotangent, pending, negated);
            }
            if (isLinear(node.right())) {
                visit(node.right(), cotangent, pending, negated);
            }
            return null;
        }

        @Override
        public Void visitSub(Expr.Sub node) {
            if (isLinear(node.left())) {
                visit(node.left(), cotangent, pending, negated);
            }
            if (isLinear(node.right())) {
                negate(node.right());
            }
            return null;
        }

        @Override
        public Void visitNeg(Expr.Neg node) {
            negate(node.operand());
            return null;
        }

        /** {@code c ∘ T} and {@code T ∘ c}: {@code C̄ ∘ c}, the cotangent first. */
        @Override
        public Void visitMul(Expr.Mul node) {
            Expr l = node.left();
            Expr r = node.right();
            if (isLinear(l) && isLinear(r)) {
                return nonlinear(node);
            }
            if (isLinear(l)) {
                diagonal(l, c -> new Expr.Mul(c, r));
            } else {
                diagonal(r, c -> new Expr.Mul(c, l));
            }
            return null;
        }

        @Override
        public Void visitDiv(Expr.Div node) {
            if (isLinear(node.right())) {
                return nonlinear(node);
            }
            diagonal(node.left(), c -> new Expr.Div(c, node.right()));
            return null;
        }

        /** {@code sT} is diagonal; {@code dsA} gives {@code s̄ = ⟨C̄, A⟩}. */
        @Override
        public Void visitScale(Expr.Scale node) {
            if (isLinear(node.factor()) && isLinear(node.matrix())) {
                return nonlinear(node);
            }
            if (isLinear(node.matrix())) {
                diagonal(node.matrix(), c -> new Expr.Scale(node.factor(), c));
            } else {
                pass(node.factor(), new Expr.Dot(cotangent(), node.matrix()));
            }
            return null;
        }

        /** {@code A T B} (a chain, either side possibly empty) gives {@code (AᵀC̄)Bᵀ}. */
        @Override
        public Void visitMatMul(Expr.MatMul node) {
            List<Expr> left = new ArrayList<>();
            List<Expr> right = new ArrayList<>();
            Expr inner = node;
            while (inner instanceof Expr.MatMul m) {
                boolean l = isLinear(m.left());
                boolean r = isLinear(m.right());
                if (l == r) {
                    return nonlinear(m);
                }
                if (l) {
                    right.add(0, m.right());
                    inner = m.left();
                } else {
                    left.add(m.left());
                    inner = m.right();
                }
            }
            Expr c = cotangent();
            if (!left.isEmpty()) {
                c = new Expr.MatMul(new Expr.Transpose(product(left)), c);
            }
            if (!right.isEmpty()) {
                c = new Expr.MatMul(c, new Expr.Transpose(product(right)));
            }
            pass(inner, c);
            return null;
        }

        private Expr product(List<Expr> factors) {
            Expr p = factors.get(0);
            for (int i = 1; i < factors.size(); i++) {
                p = new Expr.MatMul(p, factors.get(i));
            }
            return p;
        }

        @Override
        public Void visitTranspose(Expr.Transpose node) {
            pass(node.operand(), new Expr.Transpose(cotangent()));
            return null;
        }

        @Override
        public Void visitInverse(Expr.Inverse node) {
            return nonlinear(node);
        }

        /** {@code A⁻¹T} gives {@code A⁻ᵀC̄}. */
        @Override
        public Void visitSolve(Expr.Solve node) {
            if (isLinear(node.matrix())) {
                return nonlinear(node);
            }
            pass(node.rhs(), new Expr.Solve(new Expr.Transpose(node.matrix()), cotangent()));
            return null;
        }

        @Override
        public Void visitDiag(Expr.Diag node) {
            pass(node.vector(), new Expr.DiagPart(cotangent()));
            return null;
        }

        @Override
        public Void visitDiagPart(Expr.DiagPart node) {
            pass(node.matrix(), new Expr.Diag(cotangent()));
            return null;
        }

        /** {@code ⟨T, b⟩} gives {@code C̄ b}. */
        @Override
        public Void visitDot(Expr.Dot node) {
            Expr l = node.left();
            Expr r = node.right();
            if (isLinear(l) && isLinear(r)) {
                return nonlinear(node);
            }
            Expr c = cotangent();
            if (isLinear(l)) {
                pass(l, new Expr.Scale(c, r));
            } else {
                pass(r, new Expr.Scale(c, l));
            }
            return null;
        }

        @Override
        public Void visitCall(Expr.Call node) {
            Expr c = cotangent();
            for (int i = 0; i < node.operands().size(); i++) {
                if (isLinear(node.operand(i))) {
                    pass(node.operand(i), node.op().adjoint(node, i, c));
                }
            }
            return null;
        }
    }
}
