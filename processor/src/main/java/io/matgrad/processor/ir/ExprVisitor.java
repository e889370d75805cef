package io.matgrad.processor.ir;

/**
 * A pass over every kind of node. Whole-tree passes implement it, so that adding a node kind
 * breaks the build until every pass says what it does with it.
 */
public interface ExprVisitor<R> {
    R visitVariable(Expr.Variable node);

    R visitConstant(Expr.Constant node);

    R visitFill(Expr.Fill node);

    R visitIdentity(Expr.Identity node);

    R visitAdd(Expr.Add node);

    R visitSub(Expr.Sub node);

    R visitMul(Expr.Mul node);

    R visitDiv(Expr.Div node);

    R visitNeg(Expr.Neg node);

    R visitScale(Expr.Scale node);

    R visitMatMul(Expr.MatMul node);

    R visitTranspose(Expr.Transpose node);

    R visitInverse(Expr.Inverse node);

    R visitSolve(Expr.Solve node);

    R visitDiag(Expr.Diag node);

    R visitDiagPart(Expr.DiagPart node);

    R visitDot(Expr.Dot node);

    R visitCall(Expr.Call node);
}
