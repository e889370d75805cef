package io.matgrad.processor.ir;

import java.util.List;

/**
 * An operator of the language beyond the core algebra of {@link Expr}, applied by
 * {@link Expr.Call}: one entry of the operator table ({@code io.matgrad.processor.lang}). Every
 * stage of the pipeline reads what it needs of an operator here and nowhere else: its shape rule,
 * its derivative, its identities, its notation and the run-time code that computes it.
 *
 * <p>The derivative is given once, as a pushforward {@code dF[dX₁, ..., dXₖ]}: forward mode applies
 * it to tangents, reverse mode transposes it (every operation it is built from is linear in the
 * tangents, and each linear operation knows its adjoint), and Jacobian mode applies it to whole
 * Jacobians. An operator that is itself linear in an operand says how to transpose and batch it.
 */
public interface Op {

    /** The operator's name, as in {@code MatrixOps}: for generated variable names and messages. */
    String functionName();

    /**
     * This operator with the dimensions it carries (an operator of the table may be a record with
     * dimensions: a broadcast's count, a block's position) replaced by {@code map}'s images, for
     * passes that rewrite dimensions: shape inference's canonical ones, a column vector's 1.
     */
    default Op withDims(java.util.function.UnaryOperator<Dim> map) {
        return this;
    }

    /**
     * The dimensions passed to the operator's routine after its operands ({@code extract}'s
     * bounds), none by default.
     */
    default java.util.List<Dim> arguments() {
        return java.util.List.of();
    }

    /** The result's shape, for operands of {@code operands}' shapes that meet the requirements. */
    Shape shape(List<Shape> operands);

    /** Where the operator is defined in operand {@code operand} (everywhere by default). */
    default Domain domain(int operand) {
        return Domain.ANY;
    }

    /** The dimension equalities the operands must satisfy (none by default). */
    default List<Equality> requirements(List<Shape> operands) {
        return List.of();
    }

    /**
     * The least sizes the operands' free dimensions must have, beyond the requirements: entry
     * (2, 0) of a matrix needs three rows. Checked at run time; read to draw points a function is
     * defined at. None by default.
     */
    default java.util.Map<Dim, Integer> leastSizes(List<Shape> operands) {
        return java.util.Map.of();
    }

    /**
     * The derivative: the change of {@code node} when its operands change by {@code tangents}
     * (parallel to the operands; {@code null} is zero, at least one is not), as an expression
     * linear in the tangents; {@code null} if it is zero.
     */
    Expr pushforward(Expr.Call node, List<Expr> tangents);

    /**
     * For an operator linear in operand {@code operand} (its other operands held fixed): the
     * adjoint of that linear map applied to {@code cotangent}, shaped like the operand, so that
     * {@code ⟨cotangent, node(..., dX, ...)⟩ = ⟨adjoint, dX⟩}. Reverse mode calls it only on
     * operators that pushforwards build around tangents.
     */
    default Expr adjoint(Expr.Call node, int operand, Expr cotangent) {
        throw new IllegalStateException(functionName() + " is not linear in operand " + operand);
    }

    /**
     * For an operator linear in operand {@code operand}, whose operand has the Jacobian
     * {@code jacobian} ({@code |vec operand| x n}, vec stacking columns): the Jacobian of the
     * result, {@code |vec result| x n}; {@code null} where it is not written as a matrix expression
     * (the Jacobian is then computed one direction at a time).
     */
    default Expr batched(Expr.Call node, int operand, Expr jacobian) {
        return null;
    }

    /**
     * {@code node}, whose operands are simplified, rewritten by the operator's identities and
     * constant folding, or {@code node} itself. {@code rewriter} simplifies what a rule builds.
     */
    default Expr simplify(Expr.Call node, Rewriter rewriter) {
        return node;
    }

    /** How the operator is written in math notation, for Javadoc and reports. */
    Notation.Form notation();

    /** How generated code computes it. */
    Implementation implementation();

    /** Simplifies the expressions an identity builds, for {@link #simplify}. */
    interface Rewriter {
        Expr normalize(Expr e);
    }

    /** How generated code computes an operator. */
    sealed interface Implementation {
        /**
         * Entry by entry, a double function of the same entry of each matrix operand (a double
         * operand is the same for every entry): {@code matrix(operands..., out)} for matrices,
         * {@code scalar} for doubles and inside fused loops.
         */
        record Entrywise(Routine matrix, ScalarForm scalar) implements Implementation {}

        /** A double computed from matrices: {@code routine(operands..., arguments...)}. */
        record ToDouble(Routine routine) implements Implementation {}

        /**
         * A matrix computed by {@code routine(operands..., arguments..., out)}, {@code out} already
         * shaped as the node is (its {@link Op#arguments} are the operator's dimensions).
         */
        record IntoMatrix(Routine routine) implements Implementation {}

        /** A dimension of a matrix, as a double ({@code A.numRows}): {@link Op#arguments} holds it. */
        record Dimension() implements Implementation {}

        /**
         * A double computed from the factorization of its square operand, which every inverse,
         * solve and determinant of that matrix shares: {@code ln |det A|} or {@code det A}.
         */
        record FromFactorization(boolean logarithm) implements Implementation {}
    }

    /** A double function of doubles written inline. */
    sealed interface ScalarForm {
        /** {@code routine(arguments...)}, such as {@code Math.exp(x)}. */
        record Invoke(Routine routine) implements ScalarForm {}

        /** {@code x * x}: the square, without a call. */
        record SelfProduct() implements ScalarForm {}
    }
}
