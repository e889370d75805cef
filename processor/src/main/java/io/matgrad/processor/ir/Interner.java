package io.matgrad.processor.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hash-consing: maps every expression to one canonical instance per structure, so that after
 * interning, structurally equal subexpressions are the same object and passes can key their maps
 * by identity.
 *
 * <p>Records hash recursively; on a derivative DAG, whose subtrees are shared many times over, a
 * recursive hash of the root costs the size of the unfolded tree. The interner never hashes a deep
 * node: it hashes a shallow key, the node with each operand replaced by a leaf that names the
 * operand's canonical number.
 */
public final class Interner {
    private final Map<Expr, Expr> canonicalByKey = new HashMap<>();
    private final Map<Expr, Expr> canonicalByNode = new IdentityHashMap<>();
    private final Map<Expr, Integer> numbers = new IdentityHashMap<>();

    /** The canonical instance of {@code e}, whose operands are canonical too. */
    public Expr intern(Expr e) {
        Expr known = canonicalByNode.get(e);
        if (known != null) {
            return known;
        }
        List<Expr> operands = e.children();
        List<Expr> canonicalOperands = new ArrayList<>(operands.size());
        List<Expr> placeholders = new ArrayList<>(operands.size());
        boolean unchanged = true;
        for (Expr operand : operands) {
            Expr canonical = intern(operand);
            unchanged &= canonical == operand;
            canonicalOperands.add(canonical);
            placeholders.add(new Expr.Variable("#" + numbers.get(canonical), canonical.shape()));
        }
        Expr key = operands.isEmpty() ? e : e.withChildren(placeholders);
        Expr canonical = canonicalByKey.get(key);
        if (canonical == null) {
            canonical = unchanged ? e : e.withChildren(canonicalOperands);
            canonicalByKey.put(key, canonical);
            numbers.put(canonical, numbers.size());
        }
        canonicalByNode.put(e, canonical);
        return canonical;
    }
}
