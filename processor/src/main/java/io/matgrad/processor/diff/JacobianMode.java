package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.ExprVisitor;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Shape;
import io.matgrad.processor.lang.Commutation;
import io.matgrad.processor.lang.Kronecker;
import io.matgrad.processor.lang.Vectorize;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Symbolic Jacobians, {@code J = ∂vec(f)/∂vec(x)ᵀ} (numerator layout: entry ij is
 * {@code ∂vec(f)_i/∂vec(x)_j}, vec stacking columns), for an {@code f} and an {@code x} of any
 * shape, as one matrix expression: the Jacobian of every node is propagated forward, each node's
 * {@link Pushforward} applied to its operands' whole Jacobians rather than to one direction, moving
 * {@code dx} to the right of each differential ({@code d(Au) = A du}, {@code d φ(u) = diag(φ'(u)) du},
 * {@code d(aᵀb) = bᵀda + aᵀdb}). Of matrices, by the Kronecker identities of the seeds:
 * {@code vec(A dU B) = (Bᵀ ⊗ A) vec(dU)}, {@code vec(C ∘ dU) = diag(vec C) vec(dU)},
 * {@code vec(dUᵀ) = K vec(dU)} (a {@link Commutation}). Applied to a gradient, it gives the
 * Hessian as an expression, e.g. {@code Aᵀ diag(σ(z)∘(𝟏 − σ(z))) A} for logistic regression,
 * {@code A + Aᵀ} for {@code xᵀAx}, and {@code I ⊗ 2XᵀX} for {@code ‖XW − Y‖²} in a matrix W.
 *
 * <p>A node whose Jacobian is not written this way (an operator with no batched form, a solve with
 * several right-hand sides) makes the whole Jacobian {@link Optional#empty()}; it is then computed
 * column by column with {@link ForwardMode} instead.
 */
public final class JacobianMode {
    /** Names of the placeholders for the operands' changes: not Java identifiers, so never a user's. */
    private static final String PLACEHOLDER = "#d";

    private JacobianMode() {}

    /** Thrown when a node's Jacobian has no form as a matrix expression here. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /**
     * The Jacobian of {@code output} (a double, a vector or a matrix) with respect to the matrix
     * {@code x}: {@code |vec output| x |vec x|} (a row for a double output), or empty when it cannot
     * be written as a matrix expression.
     */
    public static Optional<Expr> jacobian(Expr output, Expr.Variable x) {
        if (x.shape().isScalar()) {
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
        return Optional.of(j != null ? j
                : Exprs.filled(0, Shape.matrix(Vectorize.entries(output.shape()), Vectorize.entries(x.shape()))));
    }

    private static Expr jacobian(Expr node, Expr.Variable x, Map<Expr, Expr> jacobians) {
        if (node instanceof Expr.Variable v) {
            return v.name().equals(x.name()) ? new Expr.Identity(Vectorize.entries(x.shape())) : null;
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
        Expr pushforward = Pushforward.of(node, changes);
        return pushforward == null ? null : pushforward.accept(new Batch(byPlaceholder));
    }

    /**
     * A pushforward evaluated on Jacobians: each linear operation applied to the Jacobian of its
     * changing operand (of {@code vec} of a matrix; a row for a double) rather than to one change.
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

        /** {@code vec(c ∘ du) = diag(vec c) vec(du)}. */
        @Override
        public Expr visitMul(Expr.Mul node) {
            return isLinear(node.left())
                    ? scaleRows(node.right(), of(node.left()))
                    : scaleRows(node.left(), of(node.right()));
        }

        /** {@code diag(vec d) J}: each row of {@code j} scaled by an entry of {@code d} (a double scales all). */
        private static Expr scaleRows(Expr d, Expr j) {
            return d.shape().isScalar() ? new Expr.Scale(d, j) : new Expr.MatMul(new Expr.Diag(Vectorize.column(d)), j);
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
            return scaleRows(new Expr.Div(Exprs.filled(1, c.shape()), c), change);
        }

        /** {@code d(s V) = s dV}, and {@code vec(V) ds} with {@code ds} a row. */
        @Override
        public Expr visitScale(Expr.Scale node) {
            if (isLinear(node.matrix())) {
                return new Expr.Scale(node.factor(), of(node.matrix()));
            }
            return new Expr.MatMul(Vectorize.column(node.matrix()), of(node.factor()));
        }

        /**
         * {@code vec(L dU) = (I ⊗ L) vec(dU)} and {@code vec(dU R) = (Rᵀ ⊗ I) vec(dU)}: for a column
         * {@code dU}, {@code L J}; for a row, {@code Rᵀ J}.
         */
        @Override
        public Expr visitMatMul(Expr.MatMul node) {
            Expr l = node.left();
            Expr r = node.right();
            if (isLinear(r)) {
                Dim columns = r.shape().cols();
                return new Expr.MatMul(columns.equals(Dim.ONE) ? l : kron(new Expr.Identity(columns), l), of(r));
            }
            Dim rows = l.shape().rows();
            Expr rt = new Expr.Transpose(r);
            return new Expr.MatMul(rows.equals(Dim.ONE) ? rt : kron(rt, new Expr.Identity(rows)), of(l));
        }

        private static Expr kron(Expr a, Expr b) {
            return new Expr.Call(Kronecker.KRON, a, b);
        }

        /** Of a vector, the same entries; of a matrix, {@code vec(dUᵀ) = K vec(dU)}. */
        @Override
        public Expr visitTranspose(Expr.Transpose node) {
            Shape u = node.operand().shape();
            Expr j = of(node.operand());
            return u.isScalar() || u.isVector() ? j : new Expr.Call(new Commutation(u.rows(), u.cols()), j);
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
            return isLinear(node.left()) ? dotRow(node.right(), of(node.left())) : dotRow(node.left(), of(node.right()));
        }

        private static Expr dotRow(Expr v, Expr j) {
            return v.shape().isScalar() ? new Expr.Scale(v, j) : new Expr.MatMul(Vectorize.row(v), j);
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
