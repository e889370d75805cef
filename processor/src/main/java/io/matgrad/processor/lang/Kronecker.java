package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The Kronecker product {@code A ⊗ B} (EJML's {@code kron}): the mp x nq block matrix whose block
 * ij is {@code a_ij B}. Bilinear: its adjoint with respect to either factor contracts the cotangent's
 * blocks with the other ({@link Factor}).
 */
public enum Kronecker implements Op {
    KRON;

    @Override
    public String functionName() {
        return "kron";
    }

    @Override
    public String toString() {
        return "kron";
    }

    @Override
    public Shape shape(List<Shape> operands) {
        Shape a = operands.get(0);
        Shape b = operands.get(1);
        return Shape.matrix(Dim.product(a.rows(), b.rows()), Dim.product(a.cols(), b.cols()));
    }

    /** {@code d(A ⊗ B) = dA ⊗ B + A ⊗ dB}. */
    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        Expr viaA = tangents.get(0) == null ? null : new Expr.Call(KRON, tangents.get(0), node.operand(1));
        Expr viaB = tangents.get(1) == null ? null : new Expr.Call(KRON, node.operand(0), tangents.get(1));
        if (viaA == null) {
            return viaB;
        }
        return viaB == null ? viaA : new Expr.Add(viaA, viaB);
    }

    @Override
    public Expr adjoint(Expr.Call node, int operand, Expr cotangent) {
        Shape x = node.operand(operand).shape();
        return new Expr.Call(new Factor(operand == 0, x.rows(), x.cols()), cotangent, node.operand(1 - operand));
    }

    /**
     * {@code 1 ⊗ B = B}, {@code I ⊗ I = I}, zero factors, and multiples and signs pulled out: the
     * forms Jacobians of matrices take ({@code I ⊗ A} of a product {@code A dX}).
     */
    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        Expr a = node.operand(0);
        Expr b = node.operand(1);
        if (Exprs.isZero(a) || Exprs.isZero(b)) {
            return Exprs.filled(0, node.shape());
        }
        if (isOne(a)) {
            return b;
        }
        if (isOne(b)) {
            return a;
        }
        if (a instanceof Expr.Identity x && b instanceof Expr.Identity y) {
            return new Expr.Identity(Dim.product(x.size(), y.size()));
        }
        if (a instanceof Expr.Scale s) {
            return rewriter.normalize(new Expr.Scale(s.factor(), rewriter.normalize(new Expr.Call(KRON, s.matrix(), b))));
        }
        if (b instanceof Expr.Scale s) {
            return rewriter.normalize(new Expr.Scale(s.factor(), rewriter.normalize(new Expr.Call(KRON, a, s.matrix()))));
        }
        if (a instanceof Expr.Neg n) {
            return rewriter.normalize(new Expr.Neg(rewriter.normalize(new Expr.Call(KRON, n.operand(), b))));
        }
        if (b instanceof Expr.Neg n) {
            return rewriter.normalize(new Expr.Neg(rewriter.normalize(new Expr.Call(KRON, a, n.operand()))));
        }
        return node;
    }

    /** The 1 x 1 matrix 1 (an identity of size 1, or a 1 x 1 matrix of ones). */
    private static boolean isOne(Expr e) {
        Shape s = e.shape();
        return s.isMatrix() && s.rows().equals(Dim.ONE) && s.cols().equals(Dim.ONE)
                && (e instanceof Expr.Identity || Exprs.isOne(e));
    }

    /**
     * The mixed-product property {@code (A ⊗ B)(C ⊗ D) = AC ⊗ BD}, where the factors' shapes fit:
     * the product of two Kronecker products, or null. Products of Jacobians of matrices take this
     * form ({@code (I ⊗ Aᵀ)(I ⊗ A) = I ⊗ AᵀA}).
     */
    public static Expr mixedProduct(Expr left, Expr right, Rewriter rewriter) {
        if (!(left instanceof Expr.Call l && l.op() == KRON && right instanceof Expr.Call r && r.op() == KRON)) {
            return null;
        }
        Expr a = l.operand(0);
        Expr b = l.operand(1);
        Expr c = r.operand(0);
        Expr d = r.operand(1);
        if (!a.shape().cols().equals(c.shape().rows()) || !b.shape().cols().equals(d.shape().rows())) {
            return null;
        }
        return rewriter.normalize(new Expr.Call(KRON, rewriter.normalize(new Expr.MatMul(a, c)),
                rewriter.normalize(new Expr.MatMul(b, d))));
    }

    /**
     * {@code A ⊗ B ± A ⊗ C = A ⊗ (B ± C)} and {@code B ⊗ A ± C ⊗ A = (B ± C) ⊗ A}: one Kronecker
     * product of a sum instead of two; null where the two terms share no factor.
     */
    public static Expr collect(Expr left, Expr right, boolean subtract, Rewriter rewriter) {
        if (!(left instanceof Expr.Call l && l.op() == KRON && right instanceof Expr.Call r && r.op() == KRON)) {
            return null;
        }
        if (l.operand(0) == r.operand(0) && l.operand(1).shape().equals(r.operand(1).shape())) {
            return rewriter.normalize(new Expr.Call(KRON, l.operand(0),
                    rewriter.normalize(combine(l.operand(1), r.operand(1), subtract))));
        }
        if (l.operand(1) == r.operand(1) && l.operand(0).shape().equals(r.operand(0).shape())) {
            return rewriter.normalize(new Expr.Call(KRON,
                    rewriter.normalize(combine(l.operand(0), r.operand(0), subtract)), l.operand(1)));
        }
        return null;
    }

    private static Expr combine(Expr a, Expr b, boolean subtract) {
        return subtract ? new Expr.Sub(a, b) : new Expr.Add(a, b);
    }

    @Override
    public Notation.Form notation() {
        return new Notation.Form.Function("kron");
    }

    @Override
    public Implementation implementation() {
        return new Implementation.IntoMatrix(Routine.commonOps("kron"));
    }

    /**
     * The contraction of a cotangent {@code C} of {@code A ⊗ B} with one factor, giving the other's:
     * for the left factor ({@code left}), {@code Ā_ij = Σ_kl C[ip + k, jq + l] B_kl}; for the right,
     * {@code B̄_kl = Σ_ij A_ij C[ip + k, jq + l]}. Operands: the cotangent, then the other factor.
     * Bilinear too. Not in the language.
     *
     * @param rows the rows of the factor it computes
     * @param cols its columns
     */
    public record Factor(boolean left, Dim rows, Dim cols) implements Op {
        @Override
        public String functionName() {
            return left ? "kronLeft" : "kronRight";
        }

        @Override
        public Op withDims(UnaryOperator<Dim> map) {
            return new Factor(left, rows.map(map), cols.map(map));
        }

        @Override
        public Shape shape(List<Shape> operands) {
            return Shape.matrix(rows, cols);
        }

        @Override
        public Expr pushforward(Expr.Call node, List<Expr> tangents) {
            Expr viaC = tangents.get(0) == null ? null : new Expr.Call(this, tangents.get(0), node.operand(1));
            Expr viaOther = tangents.get(1) == null ? null : new Expr.Call(this, node.operand(0), tangents.get(1));
            if (viaC == null) {
                return viaOther;
            }
            return viaOther == null ? viaC : new Expr.Add(viaC, viaOther);
        }

        /**
         * In the cotangent: the Kronecker product back ({@code Ȳ ⊗ B} or {@code A ⊗ Ȳ}); in the
         * other factor: the contraction for it ({@code ⟨Ȳ, L(C, B)⟩ = ⟨R(C, Ȳ), B⟩}).
         */
        @Override
        public Expr adjoint(Expr.Call node, int operand, Expr cotangent) {
            Expr other = node.operand(1);
            if (operand == 0) {
                return left ? new Expr.Call(KRON, cotangent, other) : new Expr.Call(KRON, other, cotangent);
            }
            Shape o = other.shape();
            return new Expr.Call(new Factor(!left, o.rows(), o.cols()), node.operand(0), cotangent);
        }

        @Override
        public Notation.Form notation() {
            return new Notation.Form.Function(functionName());
        }

        @Override
        public Implementation implementation() {
            return new Implementation.IntoMatrix(new Routine(Block.RUNTIME, functionName()));
        }
    }

    /**
     * {@code I ⊗ A} with an identity of {@code blocks} rows: A repeated down the diagonal. How
     * generated code computes a Kronecker product whose left factor is an identity (the form of
     * Jacobians with respect to a matrix), without forming the identity. Not in the language; no
     * stage before lowering sees it.
     */
    public record WithIdentity(Dim blocks) implements Op {
        @Override
        public String functionName() {
            return "identityKron";
        }

        @Override
        public Op withDims(UnaryOperator<Dim> map) {
            return new WithIdentity(blocks.map(map));
        }

        @Override
        public List<Dim> arguments() {
            return List.of(blocks);
        }

        @Override
        public Shape shape(List<Shape> operands) {
            Shape a = operands.get(0);
            return Shape.matrix(Dim.product(blocks, a.rows()), Dim.product(blocks, a.cols()));
        }

        @Override
        public Expr pushforward(Expr.Call node, List<Expr> tangents) {
            return new Expr.Call(this, tangents.get(0));
        }

        @Override
        public Notation.Form notation() {
            return new Notation.Form.Function("kron(I, ·)");
        }

        @Override
        public Implementation implementation() {
            return new Implementation.IntoMatrix(new Routine(RUNTIME, functionName()));
        }
    }

    static final String RUNTIME = "io.matgrad.runtime.Kron";
}
