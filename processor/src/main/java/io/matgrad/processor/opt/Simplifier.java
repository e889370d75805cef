package io.matgrad.processor.opt;

import io.matgrad.processor.diff.Simplification;
import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.ExprVisitor;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Interner;
import io.matgrad.processor.ir.Shape;
import io.matgrad.processor.lang.Kronecker;
import io.matgrad.processor.lang.Reduction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Algebraic simplification to a normal form: constants folded; zeros, ones and identities removed;
 * like terms collected ({@code r + r → 2r}); scalar factors and signs pulled out of products, where
 * EJML's {@code alpha} arguments take them for free; transposes pushed through products towards
 * the leaves, where {@code multTransA}/{@code multTransB} absorb them, and pulled out of sums, where
 * one transpose of the result replaces one per operand; matrix chains ending in a vector evaluated
 * as matrix-vector products ({@code (AᵀA)x → Aᵀ(Ax)}).
 *
 * <p>Nodes in {@code available} are computed anyway (the forward pass): they are never taken apart
 * to push a transpose into them or to reassociate a chain, since that would compute them again in
 * another form.
 *
 * <p>Every result is interned, so equal subexpressions of the value and of all gradients share
 * one node (common-subexpression elimination).
 */
public final class Simplifier {
    private final Interner interner;
    private final Set<Expr> available;
    private final Set<String> varying;
    private final Map<Expr, Boolean> dependsOnVarying = new IdentityHashMap<>();
    /** Variables a trace of a product is rotated towards (see {@link #rotatingTracesTowards}). */
    private final Set<String> rotateTowards;
    private final Map<Expr, Boolean> dependsOnRotated = new IdentityHashMap<>();
    private final Map<Expr, Expr> memo = new IdentityHashMap<>();
    private final Rules rules = new Rules();

    /**
     * @param available nodes, interned by {@code interner}, that are computed regardless (identity set)
     */
    public Simplifier(Interner interner, Set<Expr> available) {
        this(interner, available, Set.of());
    }

    /**
     * @param available nodes, interned by {@code interner}, that are computed regardless (identity set)
     * @param varying variables that change from one evaluation to the next while the others stay
     *     (the direction of a Jacobian assembled column by column): products are grouped so that
     *     the factors that do not change form one product, computed once
     */
    public Simplifier(Interner interner, Set<Expr> available, Set<String> varying) {
        this(interner, available, varying, Set.of());
    }

    private Simplifier(Interner interner, Set<Expr> available, Set<String> varying, Set<String> rotateTowards) {
        this.interner = interner;
        this.available = available;
        this.varying = varying;
        this.rotateTowards = rotateTowards;
    }

    /**
     * A simplifier like this one that also rotates the trace of a product in which one factor depends
     * on {@code variables} so that the others form one product: {@code tr(AXB) → tr((BA)X) = ⟨(BA)ᵀ, X⟩},
     * whose gradient with respect to {@code X}, {@code (BA)ᵀ}, is then the value's own intermediate.
     * For the value of a function being differentiated with respect to {@code variables}. (A new
     * simplifier rather than a setter: this one's memo holds results simplified without the rule.)
     */
    public Simplifier rotatingTracesTowards(Set<String> variables) {
        return new Simplifier(interner, available, varying, variables);
    }

    /**
     * The simplifiers of one derivation, which intern into one table: what the value and every
     * derivative share is one node.
     */
    public static Simplification family() {
        Interner interner = new Interner();
        return new Simplification() {
            @Override
            public UnaryOperator<Expr> ofValue(Set<String> wrt) {
                return new Simplifier(interner, Set.of()).rotatingTracesTowards(wrt)::simplify;
            }

            @Override
            public UnaryOperator<Expr> given(Set<Expr> computed) {
                return new Simplifier(interner, computed)::simplify;
            }

            @Override
            public UnaryOperator<Expr> given(Set<Expr> computed, Set<String> varying) {
                return new Simplifier(interner, computed, varying)::simplify;
            }
        };
    }

    private boolean varies(Expr e) {
        return !varying.isEmpty() && Dag.dependsOn(e, varying, dependsOnVarying);
    }

    public Expr simplify(Expr e) {
        return Dag.bottomUp(e, this::normalize, memo);
    }

    /** Normalizes a node whose operands are already normal. */
    private Expr normalize(Expr node) {
        Expr canonical = interner.intern(node);
        Expr rewritten = canonical.accept(rules);
        return rewritten == canonical ? canonical : interner.intern(rewritten);
    }

    /** A coefficient and a term, {@code coefficient · term}, for collecting like terms. */
    private record Term(double coefficient, Expr term) {
        static Term of(Expr e) {
            if (e instanceof Expr.Neg n) {
                return new Term(-1, n.operand());
            }
            if (e instanceof Expr.Mul m && m.left() instanceof Expr.Constant c && m.shape().isScalar()) {
                return new Term(c.value(), m.right());
            }
            if (e instanceof Expr.Scale s && s.factor() instanceof Expr.Constant c) {
                return new Term(c.value(), s.matrix());
            }
            return new Term(1, e);
        }
    }

    /** The local rules; each gets a node whose operands are normal and returns it or its rewrite. */
    private final class Rules implements ExprVisitor<Expr> {

        private Expr zero(Shape shape) {
            return Exprs.filled(0, shape);
        }

        private Expr times(Expr factor, Expr operand) {
            return normalize(Exprs.times(factor, operand));
        }

        private Expr constant(double value) {
            return interner.intern(new Expr.Constant(value));
        }

        private Expr neg(Expr e) {
            return normalize(new Expr.Neg(e));
        }

        private Expr transpose(Expr e) {
            return normalize(new Expr.Transpose(e));
        }

        /** Collects {@code a·t ± b·t} into {@code (a ± b)·t}, or null if the terms differ. */
        private Expr collect(Expr left, Expr right, double sign) {
            Term l = Term.of(left);
            Term r = Term.of(right);
            if (!l.term().equals(r.term())) {
                return null;
            }
            double c = l.coefficient() + sign * r.coefficient();
            return c == 0 ? zero(left.shape()) : times(constant(c), l.term());
        }

        private Expr fold(Expr node, Expr left, Expr right, DoubleBinaryOperator op) {
            Double l = Exprs.constantValue(left);
            Double r = Exprs.constantValue(right);
            return l != null && r != null ? Exprs.filled(op.applyAsDouble(l, r), node.shape()) : null;
        }

        @Override
        public Expr visitVariable(Expr.Variable node) {
            return node;
        }

        @Override
        public Expr visitConstant(Expr.Constant node) {
            return node;
        }

        @Override
        public Expr visitFill(Expr.Fill node) {
            return node;
        }

        @Override
        public Expr visitIdentity(Expr.Identity node) {
            return node;
        }

        @Override
        public Expr visitAdd(Expr.Add node) {
            Expr l = node.left();
            Expr r = node.right();
            Expr pulled = transposedOperands(node, Expr.Add::new);
            if (pulled != null) {
                return pulled;
            }
            Expr folded = fold(node, l, r, Double::sum);
            if (folded != null) {
                return folded;
            }
            if (Exprs.isZero(l)) {
                return r;
            }
            if (Exprs.isZero(r)) {
                return l;
            }
            if (r instanceof Expr.Neg n) {
                return normalize(new Expr.Sub(l, n.operand()));
            }
            if (l instanceof Expr.Neg n) {
                return normalize(new Expr.Sub(r, n.operand()));
            }
            Expr collected = collect(l, r, 1);
            if (collected != null) {
                return collected;
            }
            Expr kronecker = Kronecker.collect(l, r, false, Simplifier.this::normalize);
            return kronecker != null ? kronecker : node;
        }

        @Override
        public Expr visitSub(Expr.Sub node) {
            Expr l = node.left();
            Expr r = node.right();
            Expr pulled = transposedOperands(node, Expr.Sub::new);
            if (pulled != null) {
                return pulled;
            }
            Expr folded = fold(node, l, r, (a, b) -> a - b);
            if (folded != null) {
                return folded;
            }
            if (Exprs.isZero(r)) {
                return l;
            }
            if (Exprs.isZero(l)) {
                return neg(r);
            }
            if (r instanceof Expr.Neg n) {
                return normalize(new Expr.Add(l, n.operand()));
            }
            Expr collected = collect(l, r, -1);
            if (collected != null) {
                return collected;
            }
            Expr kronecker = Kronecker.collect(l, r, true, Simplifier.this::normalize);
            return kronecker != null ? kronecker : node;
        }

        @Override
        public Expr visitMul(Expr.Mul node) {
            Expr l = node.left();
            Expr r = node.right();
            Expr pulled = transposedOperands(node, Expr.Mul::new);
            if (pulled != null) {
                return pulled;
            }
            Expr folded = fold(node, l, r, (a, b) -> a * b);
            if (folded != null) {
                return folded;
            }
            if (Exprs.isZero(l) || Exprs.isZero(r)) {
                return zero(node.shape());
            }
            if (Exprs.isOne(l)) {
                return r;
            }
            if (Exprs.isOne(r)) {
                return l;
            }
            if (l instanceof Expr.Neg n) {
                return neg(normalize(new Expr.Mul(n.operand(), r)));
            }
            if (r instanceof Expr.Neg n) {
                return neg(normalize(new Expr.Mul(l, n.operand())));
            }
            if (node.shape().isScalar()) {
                return scalarProduct(node, l, r);
            }
            // a matrix of one constant is a scale; scales move out of Hadamard products
            if (l instanceof Expr.Fill f) {
                return times(constant(f.value()), r);
            }
            if (r instanceof Expr.Fill f) {
                return times(constant(f.value()), l);
            }
            if (l instanceof Expr.Scale s) {
                return times(s.factor(), normalize(new Expr.Mul(s.matrix(), r)));
            }
            if (r instanceof Expr.Scale s) {
                return times(s.factor(), normalize(new Expr.Mul(l, s.matrix())));
            }
            return node;
        }

        /** Constants first, merged: {@code x·2 → 2x}, {@code 2(3x) → 6x}, {@code −1·x → −x}. */
        private Expr scalarProduct(Expr.Mul node, Expr l, Expr r) {
            if (r instanceof Expr.Constant && !(l instanceof Expr.Constant)) {
                return normalize(new Expr.Mul(r, l));
            }
            if (l instanceof Expr.Constant c) {
                if (c.value() == -1) {
                    return neg(r);
                }
                if (r instanceof Expr.Mul inner && inner.left() instanceof Expr.Constant d) {
                    return normalize(new Expr.Mul(constant(c.value() * d.value()), inner.right()));
                }
            }
            return node;
        }

        @Override
        public Expr visitDiv(Expr.Div node) {
            Expr l = node.left();
            Expr r = node.right();
            Expr pulled = transposedOperands(node, Expr.Div::new);
            if (pulled != null) {
                return pulled;
            }
            Expr folded = fold(node, l, r, (a, b) -> a / b);
            if (folded != null) {
                return folded;
            }
            if (Exprs.isZero(l)) {
                return zero(node.shape());
            }
            if (Exprs.isOne(r)) {
                return l;
            }
            if (l instanceof Expr.Neg n) {
                return neg(normalize(new Expr.Div(n.operand(), r)));
            }
            if (node.shape().isScalar() && r instanceof Expr.Constant c) {
                return normalize(new Expr.Mul(constant(1 / c.value()), l));
            }
            if (l instanceof Expr.Scale s) {
                return times(s.factor(), normalize(new Expr.Div(s.matrix(), r)));
            }
            return node;
        }

        @Override
        public Expr visitNeg(Expr.Neg node) {
            Expr x = node.operand();
            if (x instanceof Expr.Constant c) {
                return constant(-c.value());
            }
            if (x instanceof Expr.Fill f) {
                return Exprs.filled(-f.value(), f.shape());
            }
            if (x instanceof Expr.Neg n) {
                return n.operand();
            }
            if (x instanceof Expr.Sub s) {
                return normalize(new Expr.Sub(s.right(), s.left()));
            }
            if (x instanceof Expr.Mul m && m.shape().isScalar() && m.left() instanceof Expr.Constant c) {
                return normalize(new Expr.Mul(constant(-c.value()), m.right()));
            }
            if (x instanceof Expr.Scale s) {
                return normalize(new Expr.Scale(neg(s.factor()), s.matrix()));
            }
            return node;
        }

        @Override
        public Expr visitScale(Expr.Scale node) {
            Expr s = node.factor();
            Expr m = node.matrix();
            if (Exprs.isZero(s) || Exprs.isZero(m)) {
                return zero(node.shape());
            }
            if (Exprs.isOne(s)) {
                return m;
            }
            if (s instanceof Expr.Constant c && c.value() == -1) {
                return neg(m);
            }
            if (s instanceof Expr.Constant c && m instanceof Expr.Fill f) {
                return Exprs.filled(c.value() * f.value(), f.shape());
            }
            if (m instanceof Expr.Scale inner) {
                return normalize(new Expr.Scale(normalize(new Expr.Mul(s, inner.factor())), inner.matrix()));
            }
            if (m instanceof Expr.Neg n) {
                return normalize(new Expr.Scale(neg(s), n.operand()));
            }
            return node;
        }

        @Override
        public Expr visitMatMul(Expr.MatMul node) {
            Expr l = node.left();
            Expr r = node.right();
            if (Exprs.isZero(l) || Exprs.isZero(r)) {
                return zero(node.shape());
            }
            if (l instanceof Expr.Identity) {
                return r;
            }
            if (r instanceof Expr.Identity) {
                return l;
            }
            if (l instanceof Expr.Scale s) {
                return times(s.factor(), normalize(new Expr.MatMul(s.matrix(), r)));
            }
            if (r instanceof Expr.Scale s) {
                return times(s.factor(), normalize(new Expr.MatMul(l, s.matrix())));
            }
            if (l instanceof Expr.Neg n) {
                return neg(normalize(new Expr.MatMul(n.operand(), r)));
            }
            if (r instanceof Expr.Neg n) {
                return neg(normalize(new Expr.MatMul(l, n.operand())));
            }
            // (EB)C → E(BC) when only E varies: BC is computed once, outside the loop over E
            if (l instanceof Expr.MatMul eb && varies(eb.left()) && !varies(eb.right()) && !varies(r)) {
                return normalize(new Expr.MatMul(eb.left(), normalize(new Expr.MatMul(eb.right(), r))));
            }
            if (r instanceof Expr.MatMul be && varies(be.right()) && !varies(be.left()) && !varies(l)) {
                return normalize(new Expr.MatMul(normalize(new Expr.MatMul(l, be.left())), be.right()));
            }
            // X⁻¹B → solve(X, B) and X⁻ᵀB → solve(Xᵀ, B): a factorization and triangular solves, shared
            // with every other use of X's factorization, instead of an inverse and a product
            if (l instanceof Expr.Inverse i && !(r instanceof Expr.Identity)) {
                return normalize(new Expr.Solve(i.operand(), r));
            }
            if (l instanceof Expr.Transpose t && t.operand() instanceof Expr.Inverse i) {
                return normalize(new Expr.Solve(transpose(i.operand()), r));
            }
            Expr mixed = Kronecker.mixedProduct(l, r, Simplifier.this::normalize);
            if (mixed != null) {
                return mixed;
            }
            // diag(𝟏 ⊘ s𝟏) M = M ⊘ s𝟏 (the Jacobian of a quotient by a double): a quotient kept, not
            // a product with 1/s, whose factors may overflow where the quotient does not
            if (l instanceof Expr.Diag d && d.vector() instanceof Expr.Div q && Exprs.isOne(q.left())
                    && q.right() instanceof Expr.Scale s && Exprs.isOne(s.matrix())) {
                return normalize(new Expr.Div(r, normalize(new Expr.Scale(s.factor(), Exprs.ones(r)))));
            }
            // diag(d)(𝟏 rᵀ) = d rᵀ
            if (l instanceof Expr.Diag d && r instanceof Expr.MatMul o && Exprs.isOne(o.left())
                    && o.left().shape().isColumnVector()) {
                return normalize(new Expr.MatMul(d.vector(), o.right()));
            }
            if (l instanceof Expr.Diag a && r instanceof Expr.Diag b) {
                return normalize(new Expr.Diag(normalize(new Expr.Mul(a.vector(), b.vector()))));
            }
            // diag(d) v = d ∘ v, for a column v
            if (l instanceof Expr.Diag d && r.shape().isColumnVector()) {
                return normalize(new Expr.Mul(d.vector(), r));
            }
            // (AB)v → A(Bv): two matrix-vector products instead of a matrix-matrix one
            if (r.shape().isColumnVector() && l instanceof Expr.MatMul ab && !available.contains(ab)
                    && !ab.right().shape().isColumnVector() && !(varies(r) && !varies(ab))) {
                return normalize(new Expr.MatMul(ab.left(), normalize(new Expr.MatMul(ab.right(), r))));
            }
            // vᵀ(AB) → (vᵀA)B, for a row vector on the left (unless the product also ends in a column,
            // which the rule above has already ordered: applying both would undo each other)
            if (isRowVector(l) && r instanceof Expr.MatMul ab && !available.contains(ab) && !isRowVector(ab.left())
                    && !node.shape().isColumnVector() && !(varies(l) && !varies(ab))) {
                return normalize(new Expr.MatMul(normalize(new Expr.MatMul(l, ab.left())), ab.right()));
            }
            return node;
        }

        private boolean isRowVector(Expr e) {
            return e.shape().isMatrix() && e.shape().rows().equals(Dim.ONE);
        }

        @Override
        public Expr visitTranspose(Expr.Transpose node) {
            Expr x = node.operand();
            if (x instanceof Expr.Transpose t) {
                return t.operand();
            }
            if (x instanceof Expr.Fill f) {
                return new Expr.Fill(f.value(), node.shape());
            }
            if (x instanceof Expr.Identity || x instanceof Expr.Diag) {
                return x;
            }
            if (x instanceof Expr.Scale s) {
                return normalize(new Expr.Scale(s.factor(), transpose(s.matrix())));
            }
            if (x instanceof Expr.Neg n) {
                return neg(transpose(n.operand()));
            }
            if (available.contains(x)) {
                return node;
            }
            if (x instanceof Expr.MatMul m) {
                return normalize(new Expr.MatMul(transpose(m.right()), transpose(m.left())));
            }
            return node;
        }

        /**
         * {@code aᵀ ± bᵀ → (a ± b)ᵀ}, and so for the elementwise products: one transpose of the
         * result, which a product reading it absorbs, instead of one of each operand, which the
         * elementwise kernel cannot absorb. Null if the operands are not both transposed.
         */
        private Expr transposedOperands(Expr node, BinaryOperator<Expr> op) {
            List<Expr> operands = node.children();
            if (operands.get(0) instanceof Expr.Transpose a && operands.get(1) instanceof Expr.Transpose b) {
                return transpose(normalize(op.apply(a.operand(), b.operand())));
            }
            return null;
        }

        @Override
        public Expr visitInverse(Expr.Inverse node) {
            if (node.operand() instanceof Expr.Inverse i) {
                return i.operand();
            }
            // (Xᵀ)⁻¹ = (X⁻¹)ᵀ: one inverse of X, whatever else needs it
            if (node.operand() instanceof Expr.Transpose t) {
                return transpose(normalize(new Expr.Inverse(t.operand())));
            }
            return node;
        }

        @Override
        public Expr visitSolve(Expr.Solve node) {
            if (Exprs.isZero(node.rhs())) {
                return zero(node.shape());
            }
            if (node.rhs() instanceof Expr.Identity) {
                return normalize(new Expr.Inverse(node.matrix()));
            }
            if (node.rhs() instanceof Expr.Scale s) {
                return times(s.factor(), normalize(new Expr.Solve(node.matrix(), s.matrix())));
            }
            if (node.rhs() instanceof Expr.Neg n) {
                return neg(normalize(new Expr.Solve(node.matrix(), n.operand())));
            }
            return node;
        }

        /** {@code tr(F₁⋯Fₖ)} as {@code ⟨Gᵀ, Fᵢ⟩} when only {@code Fᵢ} depends on the variables; else null. */
        private Expr rotatedTrace(Expr.MatMul product) {
            List<Expr> factors = new ArrayList<>();
            flatten(product, factors);
            int varying = -1;
            for (int i = 0; i < factors.size(); i++) {
                if (Dag.dependsOn(factors.get(i), rotateTowards, dependsOnRotated)) {
                    if (varying >= 0) {
                        return null;
                    }
                    varying = i;
                }
            }
            if (varying < 0 || factors.size() < 2 || varying == factors.size() - 1 && factors.size() == 2) {
                return null;
            }
            // the cycle after the varying factor, then the one before it
            Expr rest = null;
            for (int k = 1; k < factors.size(); k++) {
                Expr f = factors.get((varying + k) % factors.size());
                rest = rest == null ? f : normalize(new Expr.MatMul(rest, f));
            }
            return normalize(new Expr.Dot(transpose(rest), factors.get(varying)));
        }

        private void flatten(Expr e, List<Expr> factors) {
            if (e instanceof Expr.MatMul m) {
                flatten(m.left(), factors);
                flatten(m.right(), factors);
            } else {
                factors.add(e);
            }
        }

        @Override
        public Expr visitDiag(Expr.Diag node) {
            if (node.vector() instanceof Expr.Scale s) {
                return times(s.factor(), normalize(new Expr.Diag(s.matrix())));
            }
            return node;
        }

        @Override
        public Expr visitDiagPart(Expr.DiagPart node) {
            Expr m = node.matrix();
            if (m instanceof Expr.Diag d) {
                return d.vector();
            }
            if (m instanceof Expr.Identity) {
                return new Expr.Fill(1, node.shape());
            }
            if (m instanceof Expr.Scale s) {
                return times(s.factor(), normalize(new Expr.DiagPart(s.matrix())));
            }
            if (m instanceof Expr.Transpose t) {
                return normalize(new Expr.DiagPart(t.operand()));
            }
            return node;
        }

        @Override
        public Expr visitDot(Expr.Dot node) {
            Expr l = node.left();
            Expr r = node.right();
            if (Exprs.isZero(l) || Exprs.isZero(r)) {
                return constant(0);
            }
            if (l instanceof Expr.Scale s) {
                return normalize(new Expr.Mul(s.factor(), normalize(new Expr.Dot(s.matrix(), r))));
            }
            if (r instanceof Expr.Scale s) {
                return normalize(new Expr.Mul(s.factor(), normalize(new Expr.Dot(l, s.matrix()))));
            }
            if (l instanceof Expr.Neg n) {
                return neg(normalize(new Expr.Dot(n.operand(), r)));
            }
            if (r instanceof Expr.Neg n) {
                return neg(normalize(new Expr.Dot(l, n.operand())));
            }
            if (Exprs.isOne(l)) {
                return normalize(new Expr.Call(Reduction.SUM, r));
            }
            if (Exprs.isOne(r)) {
                return normalize(new Expr.Call(Reduction.SUM, l));
            }
            return node;
        }

        /**
         * The operator's own identities first; then the rules that need to know what is computed
         * anyway: {@code tr(XᵀY) = tr(XYᵀ) = ⟨X, Y⟩} and {@code sum(X ∘ Y) = ⟨X, Y⟩} without forming
         * the product, and the rotation of traces (see {@link #rotatingTracesTowards}).
         */
        @Override
        public Expr visitCall(Expr.Call node) {
            Expr rewritten = node.op().simplify(node, Simplifier.this::normalize);
            if (rewritten != node || node.operands().isEmpty()) {
                return rewritten;
            }
            Expr a = node.operand(0);
            if (node.op() == Reduction.TRACE && a instanceof Expr.MatMul m && !rotateTowards.isEmpty()) {
                Expr rotated = rotatedTrace(m);
                if (rotated != null) {
                    return rotated;
                }
            }
            if (node.op() == Reduction.TRACE && a instanceof Expr.MatMul m) {
                if (m.left() instanceof Expr.Transpose t && !available.contains(m)) {
                    return normalize(new Expr.Dot(t.operand(), m.right()));
                }
                if (m.right() instanceof Expr.Transpose t && !available.contains(m)) {
                    return normalize(new Expr.Dot(m.left(), t.operand()));
                }
            }
            if (node.op() == Reduction.SUM && a instanceof Expr.Mul m && !available.contains(m)) {
                return normalize(new Expr.Dot(m.left(), m.right()));
            }
            return node;
        }
    }
}
