package io.matgrad.processor.ir;

import java.util.List;
import java.util.Objects;

/**
 * A node of the expression IR: an immutable value with structural equality, so that equal
 * subexpressions are equal objects for common-subexpression elimination. Functions, their
 * derivatives, and derivatives of derivatives are all expressions of this one language.
 *
 * <p>Each composite node stores its {@link Shape} rather than deriving it on demand: derivative
 * expressions share subtrees heavily, and a shape derived recursively would cost time in the size
 * of the tree on every call. The secondary constructors derive it once, from the operands.
 *
 * <p>Operands are not checked against each other here (shape inference in {@code parse} reports a
 * mismatch to the user with a position); {@link ShapeCheck} verifies a whole tree.
 */
public sealed interface Expr {

    Shape shape();

    /** The operands, in order. */
    List<Expr> children();

    /** This node with its operands replaced, in order; the shape is derived anew. */
    Expr withChildren(List<Expr> children);

    <R> R accept(ExprVisitor<R> visitor);

    /** A parameter of the function: a {@code double} or a matrix. */
    record Variable(String name, Shape shape) implements Expr {
        public Variable {
            Objects.requireNonNull(name);
            Objects.requireNonNull(shape);
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return this;
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitVariable(this);
        }
    }

    /** A {@code double} literal. */
    record Constant(double value) implements Expr {
        public static final Constant ZERO = new Constant(0);
        public static final Constant ONE = new Constant(1);

        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return this;
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitConstant(this);
        }
    }

    /** A matrix whose entries all equal {@code value}: the zero matrix, the matrix of ones. */
    record Fill(double value, Shape shape) implements Expr {
        public Fill {
            requireMatrix(shape, "Fill");
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return this;
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitFill(this);
        }
    }

    /** The identity matrix of order {@code size}. */
    record Identity(Dim size) implements Expr {
        @Override
        public Shape shape() {
            return Shape.matrix(size, size);
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return this;
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitIdentity(this);
        }
    }

    /** {@code left + right}, on doubles or on matrices of one shape. */
    record Add(Expr left, Expr right, Shape shape) implements Expr {
        public Add(Expr left, Expr right) {
            this(left, right, left.shape());
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new Add(children.get(0), children.get(1));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitAdd(this);
        }
    }

    /** {@code left - right}, on doubles or on matrices of one shape. */
    record Sub(Expr left, Expr right, Shape shape) implements Expr {
        public Sub(Expr left, Expr right) {
            this(left, right, left.shape());
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new Sub(children.get(0), children.get(1));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitSub(this);
        }
    }

    /** The product of two doubles, or the elementwise (Hadamard) product of two matrices. */
    record Mul(Expr left, Expr right, Shape shape) implements Expr {
        public Mul(Expr left, Expr right) {
            this(left, right, left.shape());
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new Mul(children.get(0), children.get(1));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitMul(this);
        }
    }

    /** The quotient of two doubles, or the elementwise quotient of two matrices. */
    record Div(Expr left, Expr right, Shape shape) implements Expr {
        public Div(Expr left, Expr right) {
            this(left, right, left.shape());
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new Div(children.get(0), children.get(1));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitDiv(this);
        }
    }

    /** {@code -operand}. */
    record Neg(Expr operand, Shape shape) implements Expr {
        public Neg(Expr operand) {
            this(operand, operand.shape());
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new Neg(children.get(0));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitNeg(this);
        }
    }

    /** A double times a matrix. */
    record Scale(Expr factor, Expr matrix, Shape shape) implements Expr {
        public Scale(Expr factor, Expr matrix) {
            this(factor, matrix, matrix.shape());
        }

        @Override
        public List<Expr> children() {
            return List.of(factor, matrix);
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new Scale(children.get(0), children.get(1));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitScale(this);
        }
    }

    /** The matrix product. */
    record MatMul(Expr left, Expr right, Shape shape) implements Expr {
        public MatMul(Expr left, Expr right) {
            this(left, right, Shape.matrix(left.shape().rows(), right.shape().cols()));
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new MatMul(children.get(0), children.get(1));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitMatMul(this);
        }
    }

    record Transpose(Expr operand, Shape shape) implements Expr {
        public Transpose(Expr operand) {
            this(operand, operand.shape().transpose());
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new Transpose(children.get(0));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitTranspose(this);
        }
    }

    /** The inverse of a square matrix. */
    record Inverse(Expr operand, Shape shape) implements Expr {
        public Inverse(Expr operand) {
            this(operand, operand.shape());
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new Inverse(children.get(0));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitInverse(this);
        }
    }

    /** {@code matrix⁻¹ rhs}, computed without forming the inverse. */
    record Solve(Expr matrix, Expr rhs, Shape shape) implements Expr {
        public Solve(Expr matrix, Expr rhs) {
            this(matrix, rhs, Shape.matrix(matrix.shape().cols(), rhs.shape().cols()));
        }

        @Override
        public List<Expr> children() {
            return List.of(matrix, rhs);
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new Solve(children.get(0), children.get(1));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitSolve(this);
        }
    }

    /** The square diagonal matrix whose diagonal is the column vector {@code vector}. */
    record Diag(Expr vector, Shape shape) implements Expr {
        public Diag(Expr vector) {
            this(vector, Shape.matrix(vector.shape().rows(), vector.shape().rows()));
        }

        @Override
        public List<Expr> children() {
            return List.of(vector);
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new Diag(children.get(0));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitDiag(this);
        }
    }

    /** The diagonal of a square matrix, as a column vector: the adjoint of {@link Diag}. */
    record DiagPart(Expr matrix, Shape shape) implements Expr {
        public DiagPart(Expr matrix) {
            this(matrix, Shape.matrix(matrix.shape().rows(), Dim.ONE));
        }

        @Override
        public List<Expr> children() {
            return List.of(matrix);
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new DiagPart(children.get(0));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitDiagPart(this);
        }
    }

    /** {@code Σ left_ij right_ij = Tr(leftᵀ right)}, of two matrices of one shape. */
    record Dot(Expr left, Expr right) implements Expr {
        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new Dot(children.get(0), children.get(1));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitDot(this);
        }
    }

    /**
     * An operator of the table applied to its operands: the elementwise functions, the reductions
     * and every other {@link Op}. What the operator means, how it differentiates and how it is
     * computed is its {@code op}'s to say.
     */
    record Call(Op op, List<Expr> operands, Shape shape) implements Expr {
        public Call {
            Objects.requireNonNull(op);
            operands = List.copyOf(operands);
            Objects.requireNonNull(shape);
        }

        /** {@code op} applied to {@code operands}, shaped by its shape rule. */
        public Call(Op op, List<Expr> operands) {
            this(op, operands, op.shape(operands.stream().map(Expr::shape).toList()));
        }

        public Call(Op op, Expr... operands) {
            this(op, List.of(operands));
        }

        /** The operand at {@code index}. */
        public Expr operand(int index) {
            return operands.get(index);
        }

        @Override
        public List<Expr> children() {
            return operands;
        }

        @Override
        public Expr withChildren(List<Expr> children) {
            return new Call(op, children);
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitCall(this);
        }
    }

    private static void requireMatrix(Shape shape, String node) {
        if (shape.isScalar()) {
            throw new IllegalArgumentException(node + " is a matrix");
        }
    }
}
