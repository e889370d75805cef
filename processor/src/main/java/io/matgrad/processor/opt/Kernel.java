package io.matgrad.processor.opt;

import io.matgrad.processor.ir.Op;
import java.util.List;

/**
 * One call of an EJML (or matgrad runtime) routine, after fusion: what {@code emit} writes as one
 * statement (or, for {@link BasisLoop}, one loop). Matrix kernels write into their step's target;
 * scalar kernels define it.
 */
public sealed interface Kernel {

    // ---- matrix kernels: write the target matrix ----

    /**
     * {@code target (+)= alpha op(a) op(b)}, op being an optional transpose: EJML's
     * {@code mult}, {@code multTransA}, ..., {@code multAddTransAB}.
     */
    record Mult(Operand alpha, Operand.Ref a, boolean transA, Operand.Ref b, boolean transB, boolean accumulate)
            implements Kernel {}

    /** {@code aᵀa} ({@code multInner}) or, {@code outer}, {@code aaᵀ} ({@code multOuter}). */
    record MultSelf(Operand.Ref a, boolean outer) implements Kernel {}

    /** {@code alpha a + beta b}. In place when the target is {@code a}. */
    record LinearCombination(Operand alpha, Operand.Ref a, Operand beta, Operand.Ref b) implements Kernel {}

    /** {@code alpha a}. */
    record Scale(Operand alpha, Operand.Ref a) implements Kernel {}

    /** {@code −a}. */
    record Negate(Operand.Ref a) implements Kernel {}

    record Transpose(Operand.Ref a) implements Kernel {}

    /** Elementwise {@code a ∘ b} or, {@code divide}, {@code a ⊘ b}. */
    record ElementBinary(Operand.Ref a, Operand.Ref b, boolean divide) implements Kernel {}

    /** A matrix and a double, elementwise: {@code a + s}, {@code a − s}, {@code s − a}, {@code s ⊘ a}. */
    record WithScalar(ScalarOp op, Operand.Ref a, Operand s) implements Kernel {}

    enum ScalarOp {
        PLUS,
        MINUS,
        FROM,
        DIVIDE_INTO
    }

    /**
     * An entrywise operator of the table ({@link Op.Implementation.Entrywise}): its matrix routine
     * applied to {@code operands}, the matrix first (then any doubles).
     */
    record Entrywise(Op op, List<Operand> operands) implements Kernel {
        public Entrywise {
            operands = List.copyOf(operands);
        }

        /** The matrix operand. */
        public Operand.Ref matrix() {
            return (Operand.Ref) operands.get(0);
        }
    }

    /** Every entry {@code value} (a fresh target is already zero). */
    record Fill(Operand value) implements Kernel {}

    /** {@code scale I}. */
    record Identity(Operand scale) implements Kernel {}

    /** The diagonal matrix of a vector. */
    record Diag(Operand.Ref vector) implements Kernel {}

    /** The diagonal of a matrix, as a column vector. */
    record ExtractDiag(Operand.Ref matrix) implements Kernel {}

    /**
     * Factorizes {@code a} into the target, a reusable {@code io.matgrad.runtime.Factorization}
     * (Cholesky for a symmetric positive definite matrix, else LU): one factorization serves every
     * inverse, solve and determinant of {@code a} in the method.
     *
     * @param description how the matrix reads in the formula, for the message if it is singular
     */
    record Factorize(Operand.Ref a, String description) implements Kernel {}

    /** {@code A⁻¹}, from the factorization {@code factors}. */
    record Invert(Operand.Ref factors) implements Kernel {}

    /** {@code A⁻¹ b} or, {@code transposed}, {@code A⁻ᵀ b}, from the factorization {@code factors}. */
    record Solve(Operand.Ref factors, Operand.Ref b, boolean transposed) implements Kernel {}

    record Copy(Operand.Ref a) implements Kernel {}

    /** {@code diag(d) m}: each row of {@code m} scaled by an entry of {@code d} ({@code multRows}). */
    record ScaleRows(Operand.Ref d, Operand.Ref m) implements Kernel {}

    /** {@code m diag(d)}: each column of {@code m} scaled by an entry of {@code d} ({@code multCols}). */
    record ScaleColumns(Operand.Ref m, Operand.Ref d) implements Kernel {}

    /**
     * A loop over the unit directions of {@code direction}'s space, in vec order: with
     * {@code direction = e_j}, run {@code body}, then write {@code vec(tangent)} into column (or,
     * {@code rows}, row) {@code j} of the target. What does not depend on the direction is computed
     * before the loop.
     */
    record BasisLoop(Operand.Ref direction, String index, List<Step> body, Operand.Ref tangent, boolean rows)
            implements Kernel {
        /** The same loop over {@code body}, for passes that rewrite a loop's body. */
        BasisLoop withBody(List<Step> body) {
            return new BasisLoop(direction, index, body, tangent, rows);
        }
    }

    /**
     * A chain of elementwise operations fused into one loop: for every entry {@code index} of the
     * target, in storage order, {@code target.data[index] = value}, where {@code value} reads the
     * same entry of matrices of the target's shape ({@link Operand.Entry}) and doubles. One pass
     * over memory and no temporaries, where the chain's EJML calls would make one pass and one
     * temporary each.
     */
    record ElementLoop(String index, Operand value) implements Kernel {}

    // ---- scalar kernels: define the target double ----

    /** A double computed inline. */
    record Let(Operand value) implements Kernel {}

    /** {@code Σ a_ij b_ij}: {@code innerProd} for vectors, {@code dot} for matrices. */
    record Dot(Operand.Ref a, Operand.Ref b) implements Kernel {}

    /**
     * {@code xᵀAy} without forming {@code Ay}: {@code innerProdA}. ({@code xᵀAᵀy} is {@code yᵀAx}:
     * EJML's {@code innerProdTranA} takes square matrices only.)
     */
    record InnerProductA(Operand.Ref x, Operand.Ref a, Operand.Ref y) implements Kernel {}

    /** A double computed from a matrix by an operator of the table ({@link Op.Implementation.ToDouble}). */
    record Reduce(Op op, Operand.Ref a) implements Kernel {}

    /**
     * {@code Σ term} (or, {@code squared} not null, {@code Σ term²}, {@code squared} naming the
     * term's variable in the loop) over every entry {@code index} of {@code extent}, in storage
     * order: a sum, a sum of squares or an inner product fused with the elementwise chain it reads.
     */
    record ElementSum(String index, Operand.Ref extent, Operand term, String squared) implements Kernel {}

    /** {@code ln |det A|} or, {@code !logarithm}, {@code det A}, from the factorization {@code factors}. */
    record Determinant(Operand.Ref factors, boolean logarithm) implements Kernel {}
}
