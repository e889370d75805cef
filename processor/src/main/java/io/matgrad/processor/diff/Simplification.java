package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Expr;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a derivation needs of simplification, which is {@code opt}'s: each derivative is simplified
 * as it is taken, knowing what the ones before it compute, so that it reads their nodes rather than
 * computing them again in another form. Every simplifier of one derivation interns into one table,
 * so that equal subexpressions of the value and of all derivatives are one node.
 */
public interface Simplification {

    /** Simplifies the value, rotating traces of products towards {@code wrt} (see opt's Simplifier). */
    UnaryOperator<Expr> ofValue(Set<String> wrt);

    /** Simplifies derivatives that may read the nodes of {@code computed} (an identity set) but not take them apart. */
    UnaryOperator<Expr> given(Set<Expr> computed);

    /** As {@link #given(Set)}, grouping products so that what does not depend on {@code varying} is one product. */
    UnaryOperator<Expr> given(Set<Expr> computed, Set<String> varying);
}
