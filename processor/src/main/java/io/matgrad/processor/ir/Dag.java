package io.matgrad.processor.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Traversals of an expression DAG that visit each shared node once (nodes compared by identity). */
public final class Dag {
    private Dag() {}

    /** Every node reachable from {@code roots}, each once, operands before the nodes that use them. */
    public static List<Expr> postOrder(List<Expr> roots) {
        List<Expr> order = new ArrayList<>();
        Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Expr root : roots) {
            visit(root, seen, order);
        }
        return order;
    }

    private static void visit(Expr e, Set<Expr> seen, List<Expr> order) {
        if (!seen.add(e)) {
            return;
        }
        for (Expr operand : e.children()) {
            visit(operand, seen, order);
        }
        order.add(e);
    }

    /**
     * Applies {@code rewrite} bottom-up: each node is rebuilt on its rewritten operands, then
     * rewritten itself. Shared nodes are rewritten once.
     */
    public static Expr bottomUp(Expr root, Function<Expr, Expr> rewrite) {
        return bottomUp(root, rewrite, new IdentityHashMap<>());
    }

    /** As {@link #bottomUp(Expr, Function)}, sharing {@code memo} across several roots. */
    public static Expr bottomUp(Expr root, Function<Expr, Expr> rewrite, Map<Expr, Expr> memo) {
        Expr done = memo.get(root);
        if (done != null) {
            return done;
        }
        List<Expr> operands = root.children();
        Expr rebuilt = root;
        if (!operands.isEmpty()) {
            List<Expr> rewritten = new ArrayList<>(operands.size());
            boolean changed = false;
            for (Expr operand : operands) {
                Expr r = bottomUp(operand, rewrite, memo);
                changed |= r != operand;
                rewritten.add(r);
            }
            if (changed) {
                rebuilt = root.withChildren(rewritten);
            }
        }
        Expr result = rewrite.apply(rebuilt);
        memo.put(root, result);
        return result;
    }

    /** Whether {@code e} reads any of {@code variables}, by name. */
    public static boolean dependsOn(Expr e, Set<String> variables, Map<Expr, Boolean> memo) {
        Boolean known = memo.get(e);
        if (known != null) {
            return known;
        }
        boolean depends;
        if (e instanceof Expr.Variable v) {
            depends = variables.contains(v.name());
        } else {
            depends = false;
            for (Expr operand : e.children()) {
                if (dependsOn(operand, variables, memo)) {
                    depends = true;
                    break;
                }
            }
        }
        memo.put(e, depends);
        return depends;
    }
}
