package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.ExprVisitor;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Fn;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reverse-mode differentiation at the level of matrices: one backward sweep over the expression
 * DAG that gives the adjoint of every node as an expression of the same IR, and so the gradient of
 * a double-valued function with respect to each of its inputs.
 *
 * <p>The rules are the trace method's, read backwards: if {@code df = Tr(C̄ᵀ dC)} and
 * {@code C = AB}, then {@code dC = dA B + A dB} gives {@code Ā += C̄Bᵀ} and {@code B̄ += AᵀC̄}. Each
 * adjoint is shaped like its node (denominator layout: entry ij of {@code X̄} is {@code ∂f/∂x_ij}).
 * The output is unsimplified; {@code opt} simplifies it.
 */
public final class ReverseMode {
    private ReverseMode() {}

    /**
     * The gradients of the double-valued {@code output} with respect to each of {@code wrt}, by
     * name, in the order given; zero where {@code output} does not depend on a variable.
     */
    public static Map<String, Expr> gradients(Expr output, List<Expr.Variable> wrt) {
        if (!output.shape().isScalar()) {
            throw new IllegalArgumentException("the gradient is defined for a double-valued function");
        }
        return adjoints(output, Exprs.filled(1, output.shape()), wrt);
    }

    /**
     * The adjoints of {@code wrt} given the adjoint {@code seed} of {@code output}: for a seed
     * {@code Ȳ}, each variable's adjoint is the gradient of {@code Tr(Ȳᵀ output)}. For a vector
     * function this is the vector-Jacobian product {@code Jᵀȳ}.
     */
    public static Map<String, Expr> adjoints(Expr output, Expr seed, List<Expr.Variable> wrt) {
        Set<String> names = wrt.stream().map(Expr.Variable::name).collect(Collectors.toSet());
        Map<Expr, Boolean> active = new IdentityHashMap<>();
        Sweep sweep = new Sweep(names, active);
        if (Dag.dependsOn(output, names, active)) {
            sweep.accumulate(output, seed);
            List<Expr> order = Dag.postOrder(List.of(output));
            Collections.reverse(order);
            for (Expr node : order) {
                Expr adjoint = sweep.adjoints.get(node);
                if (adjoint != null && !node.children().isEmpty()) {
                    sweep.current = adjoint;
                    node.accept(sweep);
                }
            }
        }
        Map<String, Expr> result = new LinkedHashMap<>();
        for (Expr.Variable v : wrt) {
            result.put(v.name(), sweep.byName.getOrDefault(v.name(), Exprs.filled(0, v.shape())));
        }
        return result;
    }

    /** The backward sweep: pushes each node's adjoint to the operands it depends on. */
    private static final class Sweep implements ExprVisitor<Void> {
        private final Set<String> wrt;
        private final Map<Expr, Boolean> active;
        private final Map<Expr, Expr> adjoints = new IdentityHashMap<>();
        private final Map<String, Expr> byName = new LinkedHashMap<>();
        /** The adjoint of the node being visited. */
        private Expr current;

        Sweep(Set<String> wrt, Map<Expr, Boolean> active) {
            this.wrt = wrt;
            this.active = active;
        }

        /** Adds {@code contribution} to the adjoint of {@code node}, if the node depends on a wrt variable. */
        void accumulate(Expr node, Expr contribution) {
            if (!Dag.dependsOn(node, wrt, active)) {
                return;
            }
            adjoints.merge(node, contribution, Expr.Add::new);
            if (node instanceof Expr.Variable v) {
                byName.merge(v.name(), contribution, Expr.Add::new);
            }
        }

        private boolean isActive(Expr node) {
            return Dag.dependsOn(node, wrt, active);
        }

        private static Expr ones(Expr like) {
            return Exprs.filled(1, like.shape());
        }

        @Override
        public Void visitVariable(Expr.Variable node) {
            return null;
        }

        @Override
        public Void visitConstant(Expr.Constant node) {
            return null;
        }

        @Override
        public Void visitFill(Expr.Fill node) {
            return null;
        }

        @Override
        public Void visitIdentity(Expr.Identity node) {
            return null;
        }

        @Override
        public Void visitAdd(Expr.Add node) {
            accumulate(node.left(), current);
            accumulate(node.right(), current);
            return null;
        }

        @Override
        public Void visitSub(Expr.Sub node) {
            accumulate(node.left(), current);
            accumulate(node.right(), new Expr.Neg(current));
            return null;
        }

        @Override
        public Void visitMul(Expr.Mul node) {
            // d(a ∘ b) = da ∘ b + a ∘ db
            accumulate(node.left(), new Expr.Mul(current, node.right()));
            accumulate(node.right(), new Expr.Mul(current, node.left()));
            return null;
        }

        @Override
        public Void visitDiv(Expr.Div node) {
            // d(a ⊘ b) = da ⊘ b − (a ⊘ b) ∘ db ⊘ b
            accumulate(node.left(), new Expr.Div(current, node.right()));
            if (isActive(node.right())) {
                accumulate(node.right(), new Expr.Neg(new Expr.Div(new Expr.Mul(current, node), node.right())));
            }
            return null;
        }

        @Override
        public Void visitNeg(Expr.Neg node) {
            accumulate(node.operand(), new Expr.Neg(current));
            return null;
        }

        @Override
        public Void visitScale(Expr.Scale node) {
            // d(sA) = ds A + s dA, and Tr(C̄ᵀ A) ds = ⟨C̄, A⟩ ds
            accumulate(node.matrix(), new Expr.Scale(node.factor(), current));
            if (isActive(node.factor())) {
                accumulate(node.factor(), new Expr.Dot(current, node.matrix()));
            }
            return null;
        }

        @Override
        public Void visitApply(Expr.Apply node) {
            accumulate(node.operand(), new Expr.Mul(current, Calculus.derivative(node)));
            return null;
        }

        @Override
        public Void visitPow(Expr.Pow node) {
            // d(a^p) = p a^(p−1) ∘ da + a^p ∘ log(a) dp
            Expr base = node.base();
            Expr p = node.exponent();
            Expr lowered = new Expr.Pow(base, new Expr.Sub(p, Expr.Constant.ONE));
            accumulate(base, new Expr.Mul(current, Exprs.times(p, lowered)));
            if (isActive(p)) {
                accumulate(p, Exprs.inner(current, new Expr.Mul(node, new Expr.Apply(Fn.LOG, base))));
            }
            return null;
        }

        @Override
        public Void visitMatMul(Expr.MatMul node) {
            accumulate(node.left(), new Expr.MatMul(current, new Expr.Transpose(node.right())));
            accumulate(node.right(), new Expr.MatMul(new Expr.Transpose(node.left()), current));
            return null;
        }

        @Override
        public Void visitTranspose(Expr.Transpose node) {
            accumulate(node.operand(), new Expr.Transpose(current));
            return null;
        }

        @Override
        public Void visitInverse(Expr.Inverse node) {
            // d(X⁻¹) = −X⁻¹ dX X⁻¹, so X̄ = −X⁻ᵀ C̄ X⁻ᵀ
            Expr inverseT = new Expr.Transpose(node);
            accumulate(node.operand(), new Expr.Neg(new Expr.MatMul(new Expr.MatMul(inverseT, current), inverseT)));
            return null;
        }

        @Override
        public Void visitSolve(Expr.Solve node) {
            // C = A⁻¹B: dC = A⁻¹(dB − dA C), so B̄ = A⁻ᵀC̄ and Ā = −B̄ Cᵀ
            Expr rhsAdjoint = new Expr.Solve(new Expr.Transpose(node.matrix()), current);
            accumulate(node.rhs(), rhsAdjoint);
            if (isActive(node.matrix())) {
                accumulate(node.matrix(), new Expr.Neg(new Expr.MatMul(rhsAdjoint, new Expr.Transpose(node))));
            }
            return null;
        }

        @Override
        public Void visitDiag(Expr.Diag node) {
            accumulate(node.vector(), new Expr.DiagPart(current));
            return null;
        }

        @Override
        public Void visitDiagPart(Expr.DiagPart node) {
            accumulate(node.matrix(), new Expr.Diag(current));
            return null;
        }

        @Override
        public Void visitDot(Expr.Dot node) {
            accumulate(node.left(), new Expr.Scale(current, node.right()));
            accumulate(node.right(), new Expr.Scale(current, node.left()));
            return null;
        }

        @Override
        public Void visitReduce(Expr.Reduce node) {
            Expr a = node.operand();
            Expr adjoint = switch (node.op()) {
                case TRACE -> new Expr.Scale(current, new Expr.Identity(a.shape().rows()));
                // ∂det/∂X = det(X) X⁻ᵀ
                case DET -> new Expr.Scale(new Expr.Mul(current, node), Calculus.inverseTranspose(a));
                // ∂log|det X|/∂X = X⁻ᵀ
                case LOG_DET -> new Expr.Scale(current, Calculus.inverseTranspose(a));
                case NORM_SQ -> new Expr.Scale(new Expr.Mul(new Expr.Constant(2), current), a);
                case NORM -> new Expr.Scale(new Expr.Div(current, node), a);
                case SUM -> new Expr.Scale(current, ones(a));
                case LOG_SUM_EXP -> new Expr.Scale(current, Calculus.softmax(a, node));
            };
            accumulate(a, adjoint);
            return null;
        }
    }
}
