package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Equality;
import io.matgrad.processor.ir.Domain;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import java.util.List;

/** The functions that take one matrix to a double: traces, determinants, norms, sums. */
public enum Reduction implements Op {
    TRACE("trace", true, new Notation.Form.Function("tr"), new Implementation.ToDouble(Routine.commonOps("trace"))) {
        @Override
        Expr derivative(Expr.Call node, Expr a, Expr t) {
            return new Expr.Call(TRACE, t);
        }

        /** {@code ⟨C̄, tr(dA)⟩ = ⟨C̄ I, dA⟩}. */
        @Override
        public Expr adjoint(Expr.Call node, int operand, Expr cotangent) {
            return new Expr.Scale(cotangent, new Expr.Identity(node.operand(0).shape().rows()));
        }

        /** {@code tr(dA) = vec(I)ᵀ vec(dA)}. */
        @Override
        public Expr batched(Expr.Call node, int operand, Expr jacobian) {
            return new Expr.MatMul(Vectorize.row(new Expr.Identity(node.operand(0).shape().rows())), jacobian);
        }

        @Override
        Expr identity(Expr.Call node, Expr a, Rewriter rewriter) {
            Expr linear = linear(node, a, rewriter);
            if (linear != node) {
                return linear;
            }
            // tr(Aᵀ) = tr(A)
            return a instanceof Expr.Transpose t ? rewriter.normalize(new Expr.Call(TRACE, t.operand())) : node;
        }
    },
    DET("det", true, new Notation.Form.Function("det"), new Implementation.FromFactorization(false)) {
        /** {@code d det X = det(X) ⟨X⁻ᵀ, dX⟩}. */
        @Override
        Expr derivative(Expr.Call node, Expr a, Expr t) {
            return new Expr.Mul(node, new Expr.Dot(inverseTranspose(a), t));
        }
    },
    /** {@code ln |det A|}. */
    LOG_DET("logDet", true, new Notation.Form.Function("log det"), new Implementation.FromFactorization(true)) {
        /** {@code d log|det X| = ⟨X⁻ᵀ, dX⟩}. */
        @Override
        Expr derivative(Expr.Call node, Expr a, Expr t) {
            return new Expr.Dot(inverseTranspose(a), t);
        }
    },
    /** The squared Frobenius norm. */
    NORM_SQ("normSq", false, new Notation.Form.Norm(true), new Implementation.ToDouble(Routine.elementwise("normSq"))) {
        @Override
        Expr derivative(Expr.Call node, Expr a, Expr t) {
            return new Expr.Mul(new Expr.Constant(2), new Expr.Dot(a, t));
        }
    },
    /** The Frobenius norm (the 2-norm of a vector). */
    NORM("norm", false, new Notation.Form.Norm(false), new Implementation.ToDouble(Routine.elementwise("norm"))) {
        /**
         * {@code d‖A‖ = ⟨U, dA⟩} with the unit direction {@code U = A ⊘ (‖A‖𝟏)}, a quotient: its own
         * derivative, by the quotient rule, is {@code (dA − ⟨U, dA⟩ U) ⊘ ‖A‖}, so the Hessian comes out
         * as {@code (I − uuᵀ) / ‖x‖}, finite and exact to rounding at any magnitude. Written as
         * {@code (1 / ‖A‖) A} it would come out as {@code (1/‖x‖)³ xxᵀ}, which overflows or underflows
         * beyond {@code |x| ~ 1e102} and below {@code 1e-102}.
         */
        @Override
        Expr derivative(Expr.Call node, Expr a, Expr t) {
            return new Expr.Dot(new Expr.Div(a, new Expr.Scale(node, Exprs.ones(a))), t);
        }
    },
    SUM("sum", false, new Notation.Form.Function("sum"), new Implementation.ToDouble(Routine.commonOps("elementSum"))) {
        @Override
        Expr derivative(Expr.Call node, Expr a, Expr t) {
            return new Expr.Call(SUM, t);
        }

        /** {@code ⟨C̄, sum(dA)⟩ = ⟨C̄ 𝟏, dA⟩}. */
        @Override
        public Expr adjoint(Expr.Call node, int operand, Expr cotangent) {
            return new Expr.Scale(cotangent, Exprs.ones(node.operand(0)));
        }

        @Override
        public Expr batched(Expr.Call node, int operand, Expr jacobian) {
            return new Expr.MatMul(Vectorize.row(Exprs.ones(node.operand(0))), jacobian);
        }

        @Override
        Expr identity(Expr.Call node, Expr a, Rewriter rewriter) {
            return linear(node, a, rewriter);
        }
    },
    /** {@code log Σ e^(a_ij)}, computed stably. */
    LOG_SUM_EXP("logSumExp", false, new Notation.Form.Function("logsumexp"),
            new Implementation.ToDouble(Routine.elementwise("logSumExp"))) {
        @Override
        Expr derivative(Expr.Call node, Expr a, Expr t) {
            return new Expr.Dot(softmax(a, node), t);
        }
    };

    private final String functionName;
    private final boolean needsSquare;
    private final Notation.Form notation;
    private final Implementation implementation;

    Reduction(String functionName, boolean needsSquare, Notation.Form notation, Implementation implementation) {
        this.functionName = functionName;
        this.needsSquare = needsSquare;
        this.notation = notation;
        this.implementation = implementation;
    }

    /** The derivative of {@code node} = this of {@code a} along the change {@code t} of {@code a}. */
    abstract Expr derivative(Expr.Call node, Expr a, Expr t);

    /** The rewrite of {@code node}, this of the simplified {@code a}, by this reduction's identities. */
    Expr identity(Expr.Call node, Expr a, Rewriter rewriter) {
        return node;
    }

    /** Where the reduction is defined: determinants of nonsingular matrices (a determinant of a singular one is 0, but not differentiable through the factorization). */
    public Domain domain() {
        return this == DET || this == LOG_DET ? Domain.NONSINGULAR : Domain.ANY;
    }

    @Override
    public Domain domain(int operand) {
        return domain();
    }

    /** Whether the operand must be square. */
    public boolean needsSquare() {
        return needsSquare;
    }

    @Override
    public String functionName() {
        return functionName;
    }

    @Override
    public String toString() {
        return functionName;
    }

    @Override
    public Shape shape(List<Shape> operands) {
        if (!operands.get(0).isMatrix()) {
            throw new IllegalStateException(functionName + " of a double");
        }
        return Shape.SCALAR;
    }

    @Override
    public List<Equality> requirements(List<Shape> operands) {
        Shape a = operands.get(0);
        return needsSquare ? List.of(new Equality(a.rows(), a.cols())) : List.of();
    }

    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        return derivative(node, node.operand(0), tangents.get(0));
    }

    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        return identity(node, node.operand(0), rewriter);
    }

    @Override
    public Notation.Form notation() {
        return notation;
    }

    @Override
    public Implementation implementation() {
        return implementation;
    }

    /** The identities of a linear reduction: of zero, of a multiple, of a negation. */
    private static Expr linear(Expr.Call node, Expr a, Rewriter rewriter) {
        Reduction op = (Reduction) node.op();
        if (Exprs.isZero(a)) {
            return rewriter.normalize(new Expr.Constant(0));
        }
        if (a instanceof Expr.Scale s) {
            return rewriter.normalize(new Expr.Mul(s.factor(), rewriter.normalize(new Expr.Call(op, s.matrix()))));
        }
        if (a instanceof Expr.Neg n) {
            return rewriter.normalize(new Expr.Neg(rewriter.normalize(new Expr.Call(op, n.operand()))));
        }
        return node;
    }

    /** {@code X⁻ᵀ}, the gradient of {@code log|det X|}. */
    private static Expr inverseTranspose(Expr x) {
        return new Expr.Transpose(new Expr.Inverse(x));
    }

    /** {@code e^(a − lse)}, the gradient of {@code lse = logsumexp(a)}: stable, as {@code a − lse ≤ 0}. */
    static Expr softmax(Expr a, Expr logSumExp) {
        return new Expr.Call(ElementwiseFunction.EXP,
                new Expr.Sub(a, new Expr.Scale(logSumExp, Exprs.ones(a))));
    }
}
