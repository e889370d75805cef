package io.matgrad.processor.ir;

import java.util.List;

/**
 * The shape rule of every node: the dimension equalities its operands must satisfy. One rule
 * serves three readers: parsing unifies them, reporting a conflict at the call that needs it;
 * {@link ShapeCheck} verifies them on every tree a pass produces; and what remains symbolic after
 * parsing becomes the run-time checks of the generated code. (Each node derives its result shape
 * from its operands when it is built, assuming the rule holds.) An operator of the table states
 * its own ({@link Op#requirements}).
 */
public final class ShapeRules implements ExprVisitor<List<Equality>> {
    private static final ShapeRules INSTANCE = new ShapeRules();

    private ShapeRules() {}

    /** The equalities {@code node}'s operands must satisfy, in the order they are checked. */
    public static List<Equality> requirements(Expr node) {
        return node.accept(INSTANCE);
    }

    /**
     * The equalities of every node of {@code built} that is not one of {@code operands} (or inside
     * one), operands first: what a function of the language that builds several nodes
     * ({@code addRowVector(A, r)} is {@code A} plus {@code r} repeated as rows) needs of its
     * arguments.
     */
    public static List<Equality> requirements(Expr built, List<Expr> operands) {
        java.util.Set<Expr> given = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        given.addAll(operands);
        List<Equality> all = new java.util.ArrayList<>();
        collect(built, given, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()), all);
        return all;
    }

    private static void collect(Expr e, java.util.Set<Expr> given, java.util.Set<Expr> seen, List<Equality> all) {
        if (given.contains(e) || !seen.add(e)) {
            return;
        }
        for (Expr child : e.children()) {
            collect(child, given, seen, all);
        }
        all.addAll(requirements(e));
    }

    private static List<Equality> sameShape(Expr a, Expr b) {
        if (a.shape().isScalar()) {
            return List.of();
        }
        return List.of(new Equality(a.shape().rows(), b.shape().rows()), new Equality(a.shape().cols(), b.shape().cols()));
    }

    private static List<Equality> square(Expr a) {
        return List.of(new Equality(a.shape().rows(), a.shape().cols()));
    }

    @Override
    public List<Equality> visitVariable(Expr.Variable node) {
        return List.of();
    }

    @Override
    public List<Equality> visitConstant(Expr.Constant node) {
        return List.of();
    }

    @Override
    public List<Equality> visitFill(Expr.Fill node) {
        return List.of();
    }

    @Override
    public List<Equality> visitIdentity(Expr.Identity node) {
        return List.of();
    }

    @Override
    public List<Equality> visitAdd(Expr.Add node) {
        return sameShape(node.left(), node.right());
    }

    @Override
    public List<Equality> visitSub(Expr.Sub node) {
        return sameShape(node.left(), node.right());
    }

    @Override
    public List<Equality> visitMul(Expr.Mul node) {
        return sameShape(node.left(), node.right());
    }

    @Override
    public List<Equality> visitDiv(Expr.Div node) {
        return sameShape(node.left(), node.right());
    }

    @Override
    public List<Equality> visitNeg(Expr.Neg node) {
        return List.of();
    }

    @Override
    public List<Equality> visitScale(Expr.Scale node) {
        return List.of();
    }

    /** The columns of the left operand are the rows of the right. */
    @Override
    public List<Equality> visitMatMul(Expr.MatMul node) {
        return List.of(new Equality(node.left().shape().cols(), node.right().shape().rows()));
    }

    @Override
    public List<Equality> visitTranspose(Expr.Transpose node) {
        return List.of();
    }

    @Override
    public List<Equality> visitInverse(Expr.Inverse node) {
        return square(node.operand());
    }

    /** A square matrix, with as many rows as the right-hand side. */
    @Override
    public List<Equality> visitSolve(Expr.Solve node) {
        Shape a = node.matrix().shape();
        return List.of(new Equality(a.rows(), a.cols()), new Equality(a.rows(), node.rhs().shape().rows()));
    }

    /** The diagonal of a matrix is a column vector. */
    @Override
    public List<Equality> visitDiag(Expr.Diag node) {
        return List.of(new Equality(node.vector().shape().cols(), Dim.ONE));
    }

    @Override
    public List<Equality> visitDiagPart(Expr.DiagPart node) {
        return square(node.matrix());
    }

    @Override
    public List<Equality> visitDot(Expr.Dot node) {
        return sameShape(node.left(), node.right());
    }

    @Override
    public List<Equality> visitCall(Expr.Call node) {
        return node.op().requirements(node.operands().stream().map(Expr::shape).toList());
    }
}
