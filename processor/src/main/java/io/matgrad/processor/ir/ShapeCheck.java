package io.matgrad.processor.ir;

import java.util.List;

/**
 * Verifies that every node's operands fit together and that its recorded shape is the one its
 * operands give. A failure is a bug in a pass, not a user error (users get positioned diagnostics
 * from shape inference in {@code parse}); each pass's tests run this over what it produces.
 */
public final class ShapeCheck implements ExprVisitor<Void> {
    private static final ShapeCheck INSTANCE = new ShapeCheck();

    private ShapeCheck() {}

    /** Checks every node of {@code root}, or throws {@link IllegalStateException} naming the first bad one. */
    public static void verify(Expr root) {
        for (Expr node : Dag.postOrder(List.of(root))) {
            node.accept(INSTANCE);
        }
    }

    @Override
    public Void visitVariable(Expr.Variable node) {
        return null;
    }

    @Override
    public Void visitConstant(Expr.Constant node) {
        return null;
    }

    @Override
    public Void visitFill(Expr.Fill node) {
        return null;
    }

    @Override
    public Void visitIdentity(Expr.Identity node) {
        return null;
    }

    @Override
    public Void visitAdd(Expr.Add node) {
        return sameShapes(node, node.left(), node.right());
    }

    @Override
    public Void visitSub(Expr.Sub node) {
        return sameShapes(node, node.left(), node.right());
    }

    @Override
    public Void visitMul(Expr.Mul node) {
        return sameShapes(node, node.left(), node.right());
    }

    @Override
    public Void visitDiv(Expr.Div node) {
        return sameShapes(node, node.left(), node.right());
    }

    @Override
    public Void visitNeg(Expr.Neg node) {
        return sameShapes(node, node.operand(), node.operand());
    }

    @Override
    public Void visitScale(Expr.Scale node) {
        require(node, node.factor().shape().isScalar(), "the factor must be a double");
        require(node, node.matrix().shape().isMatrix(), "the scaled operand must be a matrix");
        return sameShapes(node, node.matrix(), node.matrix());
    }

    @Override
    public Void visitMatMul(Expr.MatMul node) {
        Shape l = node.left().shape();
        Shape r = node.right().shape();
        require(node, l.isMatrix() && r.isMatrix(), "operands must be matrices");
        require(node, l.cols().equals(r.rows()), "inner dimensions differ: " + l + " times " + r);
        return hasShape(node, Shape.matrix(l.rows(), r.cols()));
    }

    @Override
    public Void visitTranspose(Expr.Transpose node) {
        require(node, node.operand().shape().isMatrix(), "the operand must be a matrix");
        return hasShape(node, node.operand().shape().transpose());
    }

    @Override
    public Void visitInverse(Expr.Inverse node) {
        require(node, node.operand().shape().isSquare(), "the operand must be square");
        return hasShape(node, node.operand().shape());
    }

    @Override
    public Void visitSolve(Expr.Solve node) {
        Shape a = node.matrix().shape();
        Shape b = node.rhs().shape();
        require(node, a.isSquare() && b.isMatrix(), "needs a square matrix and a matrix");
        require(node, a.rows().equals(b.rows()), "rows differ: " + a + " and " + b);
        return hasShape(node, Shape.matrix(a.cols(), b.cols()));
    }

    @Override
    public Void visitDiag(Expr.Diag node) {
        Shape v = node.vector().shape();
        require(node, v.isColumnVector(), "the operand must be a column vector");
        return hasShape(node, Shape.matrix(v.rows(), v.rows()));
    }

    @Override
    public Void visitDiagPart(Expr.DiagPart node) {
        Shape m = node.matrix().shape();
        require(node, m.isSquare(), "the operand must be square");
        return hasShape(node, Shape.matrix(m.rows(), Dim.ONE));
    }

    @Override
    public Void visitDot(Expr.Dot node) {
        require(node, node.left().shape().isMatrix(), "operands must be matrices");
        require(node, node.left().shape().equals(node.right().shape()), "operand shapes differ");
        return null;
    }

    @Override
    public Void visitCall(Expr.Call node) {
        List<Shape> operands = node.operands().stream().map(Expr::shape).toList();
        for (Equality e : node.op().requirements(operands)) {
            require(node, e.holds(), node.op().functionName() + " needs " + e.left() + " == " + e.right());
        }
        Shape expected;
        try {
            expected = node.op().shape(operands);
        } catch (RuntimeException e) {
            throw new IllegalStateException("ill-shaped IR node " + node.op().functionName() + ": " + e.getMessage(), e);
        }
        return hasShape(node, expected);
    }

    private static Void sameShapes(Expr node, Expr left, Expr right) {
        require(node, left.shape().equals(right.shape()),
                "operand shapes differ: " + left.shape() + " and " + right.shape());
        return hasShape(node, left.shape());
    }

    private static Void hasShape(Expr node, Shape expected) {
        require(node, node.shape().equals(expected), "recorded shape " + node.shape() + " is not " + expected);
        return null;
    }

    private static void require(Expr node, boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("ill-shaped IR node " + node.getClass().getSimpleName() + ": " + what);
        }
    }
}
