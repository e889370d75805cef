package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.ExprVisitor;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Shape;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Symbolic Jacobians, {@code J = ∂f/∂xᵀ} (numerator layout: entry ij is {@code ∂f_i/∂x_j}), for a
 * vector or double {@code f} of a column vector {@code x}, as one matrix expression: the Jacobian
 * of every node is propagated forward, each node's {@link Pushforward} applied to its operands'
 * whole Jacobians rather than to one direction, moving {@code dx} to the right of each differential
 * ({@code d(Au) = A du}, {@code d φ(u) = diag(φ'(u)) du}, {@code d(aᵀb) = bᵀda + aᵀdb}).
 * Applied to a gradient, it gives the Hessian as an expression, e.g. {@code Aᵀ diag(σ(z)∘(𝟏 − σ(z))) A}
 * for logistic regression and {@code A + Aᵀ} for {@code xᵀAx}.
 *
 * <p>Every node that depends on {@code x} must be a vector (a column, a row, or a double): the
 * Jacobian of a matrix-valued node is a third-order tensor, which the IR does not have. Functions
 * with such nodes get {@link Optional#empty()}, and their Jacobians are computed column by column
 * with {@link ForwardMode} instead.
 */
public final class JacobianMode {
    /** Names of the placeholders for the operands' changes: not Java identifiers, so never a user's. */
    private static final String PLACEHOLDER = "#d";

    private JacobianMode() {}

    /** Thrown when a node's Jacobian would be a tensor. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /**
     * The Jacobian of the column vector or double {@code output} with respect to the column vector
     * {@code x}: {@code rows(output) x rows(x)} (a row for a double output), or empty when it cannot
     * be written as a matrix expression.
     */
    public static Optional<Expr> jacobian(Expr output, Expr.Variable x) {
        if (!x.shape().isColumnVector() || !(output.shape().isScalar() || output.shape().isColumnVector())) {
            return Optional.empty();
        }
        // null stands for a zero Jacobian, so that subtrees that do not depend on x cost nothing
        Map<Expr, Expr> jacobians = new IdentityHashMap<>();
        try {
            for (Expr node : Dag.postOrder(List.of(output))) {
                jacobians.put(node, jacobian(node, x, jacobians));
            }
        } catch (Unsupported e) {
            return Optional.empty();
        }
        Expr j = jacobians.get(output);
        return Optional.of(j != null ? j : Exprs.filled(0, Shape.matrix(output.shape().rows(), x.shape().rows())));
    }

    private static Expr jacobian(Expr node, Expr.Variable x, Map<Expr, Expr> jacobians) {
        if (node instanceof Expr.Variable v) {
            return v.name().equals(x.name()) ? new Expr.Identity(x.shape().rows()) : null;
        }
        List<Expr> operands = node.children();
        List<Expr> changes = new ArrayList<>(operands.size());
        Map<String, Expr> byPlaceholder = new java.util.HashMap<>();
        for (int i = 0; i < operands.size(); i++) {
            Expr j = jacobians.get(operands.get(i));
            if (j == null) {
                changes.add(null);
            } else {
                Expr.Variable change = new Expr.Variable(PLACEHOLDER + i, operands.get(i).shape());
                changes.add(change);
                byPlaceholder.put(change.name(), j);
            }
        }
        if (byPlaceholder.isEmpty()) {
            return null;
        }
        if (!node.shape().isVector()) {
            throw new Unsupported(); // a matrix that depends on x
        }
        Expr pushforward = Pushforward.of(node, changes);
        return pushforward == null ? null : pushforward.accept(new Batch(byPlaceholder));
    }

    /**
     * A pushforward evaluated on Jacobians: each linear operation applied to the Jacobian of its
     * changing operand (a vector, or a double whose Jacobian is a row) rather than to one change.
     */
    private static final class Batch implements ExprVisitor<Expr> {
        private final Map<String, Expr> jacobians;
        private final Map<Expr, Boolean> linear = new IdentityHashMap<>();

        Batch(Map<String, Expr> jacobians) {
            this.jacobians = jacobians;
        }

        private boolean isLinear(Expr e) {
            return Dag.dependsOn(e, jacobians.keySet(), linear);
        }

        private Expr of(Expr e) {
            return e.accept(this);
        }

        private static Expr unsupported() {
            throw new Unsupported();
        }

        private static Expr sum(Expr a, Expr b) {
            if (a == null) {
                return b;
            }
            return b == null ? a : new Expr.Add(a, b);
        }

        @Override
        public Expr visitVariable(Expr.Variable node) {
            Expr j = jacobians.get(node.name());
            if (j == null) {
                throw new IllegalStateException("not linear in the tangents: " + node.name());
            }
            return j;
        }

        @Override
        public Expr visitConstant(Expr.Constant node) {
            throw new IllegalStateException("not linear in the tangents: a constant");
        }

        @Override
        public Expr visitFill(Expr.Fill node) {
            throw new IllegalStateException("not linear in the tangents: a fill");
        }

        @Override
        public Expr visitIdentity(Expr.Identity node) {
            throw new IllegalStateException("not linear in the tangents: an identity");
        }

        @Override
        public Expr visitAdd(Expr.Add node) {
            return sum(isLinear(node.left()) ? of(node.left()) : null, isLinear(node.right()) ? of(node.right()) : null);
        }

        @Override
        public Expr visitSub(Expr.Sub node) {
            Expr l = isLinear(node.left()) ? of(node.left()) : null;
            if (!isLinear(node.right())) {
                return l;
            }
            Expr r = of(node.right());
            return l == null ? new Expr.Neg(r) : new Expr.Sub(l, r);
        }

        @Override
        public Expr visitNeg(Expr.Neg node) {
            return new Expr.Neg(of(node.operand()));
        }

        /** {@code d(c ∘ u) = diag(c) du}. */
        @Override
        public Expr visitMul(Expr.Mul node) {
            return isLinear(node.left())
                    ? Exprs.scaleRows(node.right(), of(node.left()))
                    : Exprs.scaleRows(node.left(), of(node.right()));
        }

        /**
         * {@code d(u ⊘ c) = diag(𝟏 ⊘ c) du}. Of a quotient's own pushforward, {@code (da − q ∘ db) ⊘ b},
         * the denominator's term is kept a negated addend, {@code J_a + −diag(q) J_b}, whose sign the
         * simplifier folds into its factors.
         */
        @Override
        public Expr visitDiv(Expr.Div node) {
            Expr c = node.right();
            Expr change = node.left() instanceof Expr.Sub s && isLinear(s.left()) && isLinear(s.right())
                    ? new Expr.Add(of(s.left()), new Expr.Neg(of(s.right())))
                    : of(node.left());
            return Exprs.scaleRows(new Expr.Div(Exprs.filled(1, c.shape()), c), change);
        }

        /** {@code d(s v) = s dv}, and {@code v ds} with {@code ds} a row. */
        @Override
        public Expr visitScale(Expr.Scale node) {
            if (isLinear(node.matrix())) {
                return new Expr.Scale(node.factor(), of(node.matrix()));
            }
            if (!node.matrix().shape().isVector()) {
                return unsupported();
            }
            return new Expr.MatMul(Exprs.column(node.matrix()), of(node.factor()));
        }

        /** {@code d(L u) = L du} for a column {@code u}; {@code d(l R) = Rᵀ dl} for a row {@code l}. */
        @Override
        public Expr visitMatMul(Expr.MatMul node) {
            Expr l = node.left();
            Expr r = node.right();
            if (isLinear(r)) {
                return r.shape().cols().equals(Dim.ONE) ? new Expr.MatMul(l, of(r)) : unsupported();
            }
            return l.shape().rows().equals(Dim.ONE) ? new Expr.MatMul(new Expr.Transpose(r), of(l)) : unsupported();
        }

        @Override
        public Expr visitTranspose(Expr.Transpose node) {
            return of(node.operand());
        }

        @Override
        public Expr visitInverse(Expr.Inverse node) {
            throw new IllegalStateException("not linear in the tangents: an inverse");
        }

        @Override
        public Expr visitSolve(Expr.Solve node) {
            if (isLinear(node.matrix()) || !node.rhs().shape().cols().equals(Dim.ONE)) {
                return unsupported();
            }
            return new Expr.Solve(node.matrix(), of(node.rhs()));
        }

        @Override
        public Expr visitDiag(Expr.Diag node) {
            return unsupported(); // a diagonal matrix
        }

        @Override
        public Expr visitDiagPart(Expr.DiagPart node) {
            return unsupported(); // of a matrix
        }

        /** {@code d⟨a, u⟩ = vec(a)ᵀ du}. */
        @Override
        public Expr visitDot(Expr.Dot node) {
            return isLinear(node.left())
                    ? Exprs.dotRow(node.right(), of(node.left()))
                    : Exprs.dotRow(node.left(), of(node.right()));
        }

        @Override
        public Expr visitCall(Expr.Call node) {
            Expr j = null;
            for (int i = 0; i < node.operands().size(); i++) {
                if (isLinear(node.operand(i))) {
                    Expr batched = node.op().batched(node, i, of(node.operand(i)));
                    if (batched == null) {
                        return unsupported();
                    }
                    j = sum(j, batched);
                }
            }
            return j;
        }
    }
}
