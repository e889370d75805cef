package io.matgrad.processor.emit;

import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Fn;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.Reduction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a function's formula needs of its parameters, for drawing points to check it at: names of
 * {@code io.matgrad.runtime.Sampler.Constraint}. {@code POSITIVE_DEFINITE} for a parameter the
 * formula inverts, solves with, or takes {@code det} or {@code logDet} of; {@code POSITIVE} for
 * one it takes {@code log}, {@code sqrt} or {@code pow} of. Only of the parameter itself (or its
 * transpose): where such a function reads a computed matrix, points outside its domain are skipped
 * at run time.
 */
final class Domains {
    static final String POSITIVE = "POSITIVE";
    static final String POSITIVE_DEFINITE = "POSITIVE_DEFINITE";

    private Domains() {}

    /** Each constrained parameter's constraints, by name; the function as differentiated, so only what its value reads. */
    static Map<String, Set<String>> of(Function f) {
        Map<String, Set<String>> domains = new HashMap<>();
        for (Expr e : Dag.postOrder(List.of(f.result()))) {
            if (e instanceof Expr.Inverse inverse) {
                add(domains, inverse.operand(), POSITIVE_DEFINITE);
            } else if (e instanceof Expr.Solve solve) {
                add(domains, solve.matrix(), POSITIVE_DEFINITE);
            } else if (e instanceof Expr.Reduce reduce && (reduce.op() == Reduction.DET || reduce.op() == Reduction.LOG_DET)) {
                add(domains, reduce.operand(), POSITIVE_DEFINITE);
            } else if (e instanceof Expr.Apply apply && (apply.fn() == Fn.LOG || apply.fn() == Fn.SQRT)) {
                add(domains, apply.operand(), POSITIVE);
            } else if (e instanceof Expr.Pow pow) {
                add(domains, pow.base(), POSITIVE);
            }
        }
        return domains;
    }

    private static void add(Map<String, Set<String>> domains, Expr operand, String constraint) {
        Expr e = operand;
        while (e instanceof Expr.Transpose t) {
            e = t.operand();
        }
        if (e instanceof Expr.Variable v) {
            domains.computeIfAbsent(v.name(), k -> new TreeSet<>()).add(constraint);
        }
    }
}
