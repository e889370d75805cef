package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Shape;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A dimension of a matrix as a double in a formula: {@code r.numRows}, {@code A.numCols},
 * {@code A.getNumElements()} (a mean is {@code normSq(r) / r.numRows}). A constant: its derivative
 * is zero. A fixed size is a literal instead.
 */
public record Extent(Dim dim) implements Op {

    @Override
    public String functionName() {
        return "size";
    }

    @Override
    public Op withDims(UnaryOperator<Dim> map) {
        return new Extent(dim.map(map));
    }

    @Override
    public List<Dim> arguments() {
        return List.of(dim);
    }

    @Override
    public Shape shape(List<Shape> operands) {
        return Shape.SCALAR;
    }

    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        return null;
    }

    /** A size known at compile time is a literal. */
    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        return dim instanceof Dim.Fixed f ? new Expr.Constant(f.size()) : node;
    }

    @Override
    public Notation.Form notation() {
        boolean composite = dim instanceof Dim.Sum || dim instanceof Dim.Product;
        return new Notation.Form.Function(composite ? "(" + dim + ")" : dim.toString());
    }

    @Override
    public Implementation implementation() {
        return new Implementation.Dimension();
    }
}
