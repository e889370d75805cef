package io.matgrad.processor.parse;

import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Interner;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Rewrites translated expressions into the canonical dimensions shape inference solved for, and
 * interns them: structurally equal subexpressions become one object. One instance serves all the
 * roots of a function (its locals, its result, its parameters), so that a local's value stays the
 * very node its uses are.
 */
final class Canonicalizer {
    private final DimensionSolver dims;
    private final Map<Expr, Expr> memo = new IdentityHashMap<>();
    private final Interner interner = new Interner();

    Canonicalizer(DimensionSolver dims) {
        this.dims = dims;
    }

    Expr apply(Expr e) {
        // Parameters, constant matrices and operators with dimensions carry dimensions of their own;
        // every other node derives its shape from its operands when rebuilt on the rewritten ones.
        return interner.intern(Exprs.mapDims(e, dims::canonical, memo));
    }
}
