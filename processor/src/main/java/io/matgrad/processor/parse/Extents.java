package io.matgrad.processor.parse;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.lang.Extent;

/** A matrix's dimension read in a formula ({@code A.numRows}): an int, a constant where it is known. */
final class Extents {
    private Extents() {}

    static Term term(Dim dim) {
        return dim instanceof Dim.Fixed f
                ? new Term(new Expr.Constant(f.size()), Kind.INT)
                : new Term(new Expr.Call(new Extent(dim)), Kind.INT);
    }
}
