package io.matgrad.processor.emit;

import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Domain;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a function's formula needs of its parameters, for drawing points to check it at: names of
 * {@code io.matgrad.runtime.Sampler.Constraint}. {@code POSITIVE_DEFINITE} for a parameter the
 * formula inverts, solves with, or takes {@code det} or {@code logDet} of; {@code POSITIVE} for
 * one it takes {@code log}, {@code sqrt}, a non-integer power or a quotient by: each operator's
 * domain, as the table states it. Only of the parameter itself (or its transpose): where such a
 * function reads a computed matrix, points outside its domain are skipped at run time.
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
                add(domains, inverse.operand(), Domain.NONSINGULAR);
            } else if (e instanceof Expr.Solve solve) {
                add(domains, solve.matrix(), Domain.NONSINGULAR);
            } else if (e instanceof Expr.Div div && div.shape().isMatrix()) {
                add(domains, div.right(), Domain.POSITIVE);
            } else if (e instanceof Expr.Call call) {
                for (int i = 0; i < call.operands().size(); i++) {
                    add(domains, call.operand(i), call.op().domain(i));
                }
            }
        }
        return domains;
    }

    private static void add(Map<String, Set<String>> domains, Expr operand, Domain domain) {
        if (domain == Domain.ANY) {
            return;
        }
        Expr e = operand;
        while (e instanceof Expr.Transpose t) {
            e = t.operand();
        }
        if (e instanceof Expr.Variable v) {
            domains.computeIfAbsent(v.name(), k -> new TreeSet<>())
                    .add(domain == Domain.NONSINGULAR ? POSITIVE_DEFINITE : POSITIVE);
        }
    }
}
