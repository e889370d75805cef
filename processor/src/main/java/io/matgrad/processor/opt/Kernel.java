package io.matgrad.processor.opt;

import io.matgrad.processor.ir.Op;
import java.util.List;

/**
 * One call of an EJML (or matgrad runtime) routine, after fusion: what {@code emit} writes as one
 * statement (or, for {@link BasisLoop}, one loop). Matrix kernels write into their step's target;
 * scalar kernels define it.
 */
public sealed interface Kernel {

    /** What the kernel reads, as operands: not its target, nor the steps of a loop's body. */
    List<Operand> operands();

    <R> R accept(KernelVisitor<R> visitor);

    // ---- matrix kernels: write the target matrix ----

    /**
     * {@code target (+)= alpha op(a) op(b)}, op being an optional transpose: EJML's
     * {@code mult}, {@code multTransA}, ..., {@code multAddTransAB}.
     */
    record Mult(Operand alpha, Operand.Ref a, boolean transA, Operand.Ref b, boolean transB, boolean accumulate)
            implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(alpha, a, b);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitMult(this);
        }
    }

    /**
     * {@code alpha (I ⊗ op(a)) b}, {@code op(a)} being {@code a} or (transA) {@code aᵀ}, with an
     * identity of {@code blocks} rows: block k of the result's rows is {@code alpha op(a)} times block
     * k of b's. The product of a Jacobian with respect to a matrix; EJML's mult for one block.
     */
    record KronMult(io.matgrad.processor.ir.Dim blocks, Operand alpha, Operand.Ref a, boolean transA, Operand.Ref b)
            implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(alpha, a, b);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitKronMult(this);
        }
    }

    /** {@code aᵀa} ({@code multInner}) or, {@code outer}, {@code aaᵀ} ({@code multOuter}). */
    record MultSelf(Operand.Ref a, boolean outer) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(a);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitMultSelf(this);
        }
    }

    /** {@code alpha a + beta b}. In place when the target is {@code a}. */
    record LinearCombination(Operand alpha, Operand.Ref a, Operand beta, Operand.Ref b) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(alpha, a, beta, b);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitLinearCombination(this);
        }
    }

    /** {@code alpha a}. */
    record Scale(Operand alpha, Operand.Ref a) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(alpha, a);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitScale(this);
        }
    }

    /** {@code −a}. */
    record Negate(Operand.Ref a) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(a);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitNegate(this);
        }
    }

    record Transpose(Operand.Ref a) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(a);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitTranspose(this);
        }
    }

    /** Elementwise {@code a ∘ b} or, {@code divide}, {@code a ⊘ b}. */
    record ElementBinary(Operand.Ref a, Operand.Ref b, boolean divide) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(a, b);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitElementBinary(this);
        }
    }

    /**
     * A matrix and a double, elementwise: {@code a + s}, {@code a − s}, {@code s − a}, {@code s ⊘ a},
     * {@code a ⊘ s}.
     */
    record WithScalar(ScalarOp op, Operand.Ref a, Operand s) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(a, s);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitWithScalar(this);
        }
    }

    enum ScalarOp {
        PLUS,
        MINUS,
        FROM,
        DIVIDE_INTO,
        /** {@code a ⊘ s}: each entry divided by the double, never multiplied by its reciprocal (see Lowering). */
        DIVIDED_BY
    }

    /**
     * An entrywise operator of the table ({@link Op.Implementation.Entrywise}): its matrix routine
     * applied to {@code operands}, the matrix first (then any doubles).
     */
    record Entrywise(Op op, List<Operand> operands) implements Kernel {
        @Override
        public List<Operand> operands() {
            return operands;
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitEntrywise(this);
        }

        public Entrywise {
            operands = List.copyOf(operands);
        }

        /** The matrix operand. */
        public Operand.Ref matrix() {
            return (Operand.Ref) operands.get(0);
        }
    }

    /**
     * An operator of the table computed by its routine into the target, already shaped
     * ({@link Op.Implementation.IntoMatrix}): {@code routine(operands..., op.arguments()..., target)}.
     */
    record Invoke(Op op, List<Operand> operands) implements Kernel {
        public Invoke {
            operands = List.copyOf(operands);
        }

        @Override
        public List<Operand> operands() {
            return operands;
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitInvoke(this);
        }
    }

    /** Every entry {@code value} (a fresh target is already zero). */
    record Fill(Operand value) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(value);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitFill(this);
        }
    }

    /** {@code scale I}. */
    record Identity(Operand scale) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(scale);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitIdentity(this);
        }
    }

    /** The diagonal matrix of a vector. */
    record Diag(Operand.Ref vector) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(vector);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitDiag(this);
        }
    }

    /** The diagonal of a matrix, as a column vector. */
    record ExtractDiag(Operand.Ref matrix) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(matrix);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitExtractDiag(this);
        }
    }

    /**
     * Factorizes {@code a} into the target, a reusable {@code io.matgrad.runtime.Factorization}
     * (Cholesky for a symmetric positive definite matrix, else LU): one factorization serves every
     * inverse, solve and determinant of {@code a} in the method.
     *
     * @param description how the matrix reads in the formula, for the message if it is singular
     */
    record Factorize(Operand.Ref a, String description) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(a);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitFactorize(this);
        }
    }

    /** {@code A⁻¹}, from the factorization {@code factors}. */
    record Invert(Operand.Ref factors) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(factors);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitInvert(this);
        }
    }

    /** {@code A⁻¹ b} or, {@code transposed}, {@code A⁻ᵀ b}, from the factorization {@code factors}. */
    record Solve(Operand.Ref factors, Operand.Ref b, boolean transposed) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(factors, b);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitSolve(this);
        }
    }

    record Copy(Operand.Ref a) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(a);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitCopy(this);
        }
    }

    /**
     * {@code diag(d) m}: each row of {@code m} scaled by an entry of {@code d} ({@code multRows}); with
     * {@code vec}, by an entry of {@code vec(d)}, d a matrix ({@code Vec.multRows}).
     */
    record ScaleRows(Operand.Ref d, Operand.Ref m, boolean vec) implements Kernel {
        public ScaleRows(Operand.Ref d, Operand.Ref m) {
            this(d, m, false);
        }

        @Override
        public List<Operand> operands() {
            return List.of(d, m);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitScaleRows(this);
        }
    }

    /** {@code m diag(d)}: each column of {@code m} scaled by an entry of {@code d} ({@code multCols}). */
    record ScaleColumns(Operand.Ref m, Operand.Ref d) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(m, d);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitScaleColumns(this);
        }
    }

    /**
     * A loop over the unit directions of {@code direction}'s space, in vec order: with
     * {@code direction = e_j}, run {@code body}, then write {@code vec(tangent)} into column (or,
     * {@code rows}, row) {@code j} of the target. What does not depend on the direction is computed
     * before the loop.
     */
    record BasisLoop(Operand.Ref direction, String index, List<Step> body, Operand.Ref tangent, boolean rows)
            implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(direction, tangent);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitBasisLoop(this);
        }

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
    record ElementLoop(String index, Operand value) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(value);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitElementLoop(this);
        }
    }

    // ---- scalar kernels: define the target double ----

    /** A double computed inline. */
    record Let(Operand value) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(value);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitLet(this);
        }
    }

    /** {@code Σ a_ij b_ij}: {@code innerProd} for vectors, {@code dot} for matrices. */
    record Dot(Operand.Ref a, Operand.Ref b) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(a, b);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitDot(this);
        }
    }

    /**
     * {@code xᵀAy} without forming {@code Ay}: {@code innerProdA}. ({@code xᵀAᵀy} is {@code yᵀAx}:
     * EJML's {@code innerProdTranA} takes square matrices only.)
     */
    record InnerProductA(Operand.Ref x, Operand.Ref a, Operand.Ref y) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(x, a, y);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitInnerProductA(this);
        }
    }

    /** A double computed from a matrix by an operator of the table ({@link Op.Implementation.ToDouble}). */
    record Reduce(Op op, Operand.Ref a) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(a);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitReduce(this);
        }
    }

    /**
     * {@code Σ term} (or, {@code squared} not null, {@code Σ term²}, {@code squared} naming the
     * term's variable in the loop) over every entry {@code index} of {@code extent}, in storage
     * order: a sum, a sum of squares or an inner product fused with the elementwise chain it reads.
     */
    record ElementSum(String index, Operand.Ref extent, Operand term, String squared) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(extent, term);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitElementSum(this);
        }
    }

    /** {@code ln |det A|} or, {@code !logarithm}, {@code det A}, from the factorization {@code factors}. */
    record Determinant(Operand.Ref factors, boolean logarithm) implements Kernel {
        @Override
        public List<Operand> operands() {
            return List.of(factors);
        }

        @Override
        public <R> R accept(KernelVisitor<R> visitor) {
            return visitor.visitDeterminant(this);
        }
    }
}
