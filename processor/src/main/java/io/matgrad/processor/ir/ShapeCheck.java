package io.matgrad.processor.ir;

import java.util.List;

/**
 * Verifies that every node's operands fit together and that its recorded shape is the one its
 * operands give. A failure is a bug in a pass, not a user error (users get positioned diagnostics
 * from shape inference in {@code parse}); each pass's tests run this over what it produces.
 *
 * <p>Dimensions are checked by the nodes' shape rules ({@link ShapeRules}); what is checked here is
 * what the rules take for granted: which operands are doubles and which matrices.
 */
public final class ShapeCheck implements ExprVisitor<Void> {
    private static final ShapeCheck INSTANCE = new ShapeCheck();

    private ShapeCheck() {}

    /** Checks every node of {@code root}, or throws {@link IllegalStateException} naming the first bad one. */
    public static void verify(Expr root) {
        for (Expr node : Dag.postOrder(List.of(root))) {
            check(node);
        }
    }

    private static void check(Expr node) {
        node.accept(INSTANCE);
        for (Equality e : ShapeRules.requirements(node)) {
            require(node, e.holds(), "needs " + e.left() + " == " + e.right());
        }
        Shape derived;
        try {
            derived = node.withChildren(node.children()).shape();
        } catch (RuntimeException e) {
            throw new IllegalStateException("ill-shaped IR node " + name(node) + ": " + e.getMessage(), e);
        }
        require(node, node.shape().equals(derived), "recorded shape " + node.shape() + " is not " + derived);
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
        return alike(node, node.left(), node.right());
    }

    @Override
    public Void visitSub(Expr.Sub node) {
        return alike(node, node.left(), node.right());
    }

    @Override
    public Void visitMul(Expr.Mul node) {
        return alike(node, node.left(), node.right());
    }

    @Override
    public Void visitDiv(Expr.Div node) {
        return alike(node, node.left(), node.right());
    }

    @Override
    public Void visitNeg(Expr.Neg node) {
        return null;
    }

    @Override
    public Void visitScale(Expr.Scale node) {
        require(node, node.factor().shape().isScalar(), "the factor must be a double");
        return matrices(node, node.matrix());
    }

    @Override
    public Void visitMatMul(Expr.MatMul node) {
        return matrices(node, node.left(), node.right());
    }

    @Override
    public Void visitTranspose(Expr.Transpose node) {
        return matrices(node, node.operand());
    }

    @Override
    public Void visitInverse(Expr.Inverse node) {
        return matrices(node, node.operand());
    }

    @Override
    public Void visitSolve(Expr.Solve node) {
        return matrices(node, node.matrix(), node.rhs());
    }

    @Override
    public Void visitDiag(Expr.Diag node) {
        return matrices(node, node.vector());
    }

    @Override
    public Void visitDiagPart(Expr.DiagPart node) {
        return matrices(node, node.matrix());
    }

    @Override
    public Void visitDot(Expr.Dot node) {
        return matrices(node, node.left(), node.right());
    }

    /** The operator's own shape rule says what it takes (its {@link Op#shape} rejects the rest). */
    @Override
    public Void visitCall(Expr.Call node) {
        return null;
    }

    /** Two doubles, or two matrices. */
    private static Void alike(Expr node, Expr left, Expr right) {
        require(node, left.shape().isScalar() == right.shape().isScalar(), "a double and a matrix");
        return null;
    }

    private static Void matrices(Expr node, Expr... operands) {
        for (Expr operand : operands) {
            require(node, operand.shape().isMatrix(), "operands must be matrices");
        }
        return null;
    }

    private static String name(Expr node) {
        return node instanceof Expr.Call c ? c.op().functionName() : node.getClass().getSimpleName();
    }

    private static void require(Expr node, boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("ill-shaped IR node " + name(node) + ": " + what);
        }
    }
}
