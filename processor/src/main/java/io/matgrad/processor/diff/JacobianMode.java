package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Fn;
import io.matgrad.processor.ir.Reduction;
import io.matgrad.processor.ir.Shape;
import java.util.Optional;

/**
 * Symbolic Jacobians, {@code J = ∂f/∂xᵀ} (numerator layout: entry ij is {@code ∂f_i/∂x_j}), for a
 * vector or double {@code f} of a column vector {@code x}, as one matrix expression: the Jacobian
 * of every node is propagated forward, moving {@code dx} to the right of each differential
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
    private JacobianMode() {}

    /** Thrown inside the sweep when a node's Jacobian would be a tensor. */
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
        try {
            Expr j = new Sweep(x).jacobian(output);
            return Optional.of(j != null ? j : Exprs.filled(0, Shape.matrix(output.shape().rows(), x.shape().rows())));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /** The forward sweep; {@code null} stands for a zero Jacobian. */
    private static final class Sweep extends ForwardSweep {
        private final Expr.Variable x;

        Sweep(Expr.Variable x) {
            this.x = x;
        }

        Expr jacobian(Expr e) {
            return derivative(e);
        }

        /** The Jacobian of an operand that must be a vector, or a failure if it is an active matrix. */
        private Expr vectorJacobian(Expr e) {
            Expr j = jacobian(e);
            if (j != null && !e.shape().isVector()) {
                throw new Unsupported();
            }
            return j;
        }

        /** {@code diag(d) J}: each row of {@code J} scaled by an entry of {@code d} (a double scales all). */
        private static Expr scaleRows(Expr d, Expr j) {
            if (j == null) {
                return null;
            }
            return d.shape().isScalar() ? new Expr.Scale(d, j) : new Expr.MatMul(new Expr.Diag(column(d)), j);
        }

        /** The entries of a vector as a column. */
        private static Expr column(Expr v) {
            return v.shape().cols().equals(Dim.ONE) ? v : new Expr.Transpose(v);
        }

        /** The entries of a vector as a row: {@code vec(v)ᵀ}, or a double as it is. */
        private static Expr row(Expr v) {
            if (v.shape().isScalar()) {
                return v;
            }
            return v.shape().cols().equals(Dim.ONE) ? new Expr.Transpose(v) : v;
        }

        /** {@code vec(v)ᵀ J}, the Jacobian of {@code ⟨v, u⟩} when {@code J} is the Jacobian of {@code u}. */
        private static Expr dotRow(Expr v, Expr j) {
            if (j == null) {
                return null;
            }
            return v.shape().isScalar() ? new Expr.Scale(v, j) : new Expr.MatMul(row(v), j);
        }

        @Override
        public Expr visitVariable(Expr.Variable node) {
            return node.name().equals(x.name()) ? new Expr.Identity(x.shape().rows()) : null;
        }

        @Override
        public Expr visitAdd(Expr.Add node) {
            return sum(vectorJacobian(node.left()), vectorJacobian(node.right()));
        }

        @Override
        public Expr visitSub(Expr.Sub node) {
            return difference(vectorJacobian(node.left()), vectorJacobian(node.right()));
        }

        @Override
        public Expr visitMul(Expr.Mul node) {
            // d(a ∘ b) = diag(b) da + diag(a) db
            return sum(scaleRows(node.right(), vectorJacobian(node.left())),
                    scaleRows(node.left(), vectorJacobian(node.right())));
        }

        @Override
        public Expr visitDiv(Expr.Div node) {
            // d(a ⊘ b) = diag(1 ⊘ b) (da − diag(a ⊘ b) db)
            Expr l = vectorJacobian(node.left());
            Expr r = vectorJacobian(node.right());
            if (l == null && r == null) {
                return null;
            }
            Expr viaDenominator = r == null ? null : new Expr.Neg(scaleRows(node, r));
            Expr change = sum(l, viaDenominator);
            return scaleRows(new Expr.Div(Exprs.filled(1, node.right().shape()), node.right()), change);
        }

        @Override
        public Expr visitNeg(Expr.Neg node) {
            return negated(vectorJacobian(node.operand()));
        }

        @Override
        public Expr visitScale(Expr.Scale node) {
            // d(s v) = v ds + s dv, with ds a row
            Expr ds = jacobian(node.factor());
            Expr dv = vectorJacobian(node.matrix());
            Expr viaFactor = null;
            if (ds != null) {
                if (!node.matrix().shape().isVector()) {
                    throw new Unsupported();
                }
                viaFactor = new Expr.MatMul(column(node.matrix()), ds);
            }
            return sum(viaFactor, dv == null ? null : new Expr.Scale(node.factor(), dv));
        }

        @Override
        public Expr visitApply(Expr.Apply node) {
            return scaleRows(Calculus.derivative(node), vectorJacobian(node.operand()));
        }

        @Override
        public Expr visitPow(Expr.Pow node) {
            Expr db = vectorJacobian(node.base());
            Expr dp = jacobian(node.exponent());
            Expr p = node.exponent();
            Expr viaBase = scaleRows(Exprs.times(p, new Expr.Pow(node.base(), new Expr.Sub(p, Expr.Constant.ONE))), db);
            Expr viaExponent = null;
            if (dp != null) {
                Expr weight = new Expr.Mul(node, new Expr.Apply(Fn.LOG, node.base()));
                viaExponent = weight.shape().isScalar() ? new Expr.Scale(weight, dp) : new Expr.MatMul(column(weight), dp);
            }
            return sum(viaBase, viaExponent);
        }

        @Override
        public Expr visitMatMul(Expr.MatMul node) {
            Expr l = node.left();
            Expr r = node.right();
            Expr dl = jacobian(l);
            Expr dr = jacobian(r);
            if (dl == null && dr == null) {
                return null;
            }
            if (!node.shape().isVector()) {
                throw new Unsupported();
            }
            if (r.shape().cols().equals(Dim.ONE)) {
                // L r, a column: d(L r) = L dr + dL r
                Expr viaRight = dr == null ? null : new Expr.MatMul(l, dr);
                Expr viaLeft = null;
                if (dl != null) {
                    if (l instanceof Expr.Diag d) {
                        // diag(a) r = r ∘ a
                        viaLeft = scaleRows(r, jacobian(d.vector()));
                    } else if (l.shape().rows().equals(Dim.ONE)) {
                        // a row times a column: (dl) r = rᵀ dl
                        viaLeft = dotRow(r, dl);
                    } else {
                        throw new Unsupported();
                    }
                }
                return sum(viaRight, viaLeft);
            }
            // l is a row (1 x p) and r a matrix (p x q): l r = (rᵀ lᵀ)ᵀ, whose entries change by rᵀ dl
            if (dr != null) {
                throw new Unsupported();
            }
            return new Expr.MatMul(new Expr.Transpose(r), dl);
        }

        @Override
        public Expr visitTranspose(Expr.Transpose node) {
            return vectorJacobian(node.operand());
        }

        @Override
        public Expr visitInverse(Expr.Inverse node) {
            if (jacobian(node.operand()) != null) {
                throw new Unsupported();
            }
            return null;
        }

        @Override
        public Expr visitSolve(Expr.Solve node) {
            if (jacobian(node.matrix()) != null) {
                throw new Unsupported();
            }
            Expr db = vectorJacobian(node.rhs());
            if (db == null) {
                return null;
            }
            if (!node.rhs().shape().cols().equals(Dim.ONE)) {
                throw new Unsupported();
            }
            return new Expr.Solve(node.matrix(), db);
        }

        @Override
        public Expr visitDiag(Expr.Diag node) {
            // a diagonal matrix is taken apart by the product that reads it
            if (jacobian(node.vector()) != null) {
                throw new Unsupported();
            }
            return null;
        }

        @Override
        public Expr visitDiagPart(Expr.DiagPart node) {
            if (jacobian(node.matrix()) != null) {
                throw new Unsupported();
            }
            return null;
        }

        @Override
        public Expr visitDot(Expr.Dot node) {
            Expr l = vectorJacobian(node.left());
            Expr r = vectorJacobian(node.right());
            return sum(dotRow(node.right(), l), dotRow(node.left(), r));
        }

        @Override
        public Expr visitReduce(Expr.Reduce node) {
            Expr a = node.operand();
            Expr j = vectorJacobian(a);
            if (j == null) {
                return null;
            }
            return switch (node.op()) {
                case SUM -> dotRow(Exprs.filled(1, a.shape()), j);
                case NORM_SQ -> new Expr.Scale(new Expr.Constant(2), dotRow(a, j));
                case NORM -> new Expr.Scale(new Expr.Div(Expr.Constant.ONE, node), dotRow(a, j));
                case LOG_SUM_EXP -> dotRow(Calculus.softmax(a, node), j);
                // of a vector, these are defined for 1 x 1 only: leave them to forward mode
                case TRACE, DET, LOG_DET -> throw new Unsupported();
            };
        }
    }
}
