package io.matgrad.processor.parse;

import io.matgrad.processor.ir.Expr;

/**
 * A translated expression: its IR and its Java type. Values of the narrower number kinds are
 * always {@link Expr.Constant}s: the only integers in the language are literals and constants.
 */
record Term(Expr expr, Kind kind) {}
