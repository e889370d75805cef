package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
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
}
