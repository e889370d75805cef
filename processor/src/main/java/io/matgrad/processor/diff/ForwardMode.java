package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forward mode at the level of matrices: the directional derivative (a Jacobian-vector product) of
 * an expression, {@code Ṅ = d/dε N(x + εv)}, as an expression of the same IR and of the shape of
 * {@code N}: each node's {@link Pushforward} applied to its operands' tangents, bottom-up.
 *
 * <p>Applied to a gradient expression it gives Hessian-vector products at the cost of about one
 * more gradient; applied column by column, Jacobians and Hessians of any function of the language.
 * The output is unsimplified; {@code opt} simplifies it.
 */
public final class ForwardMode {
    private ForwardMode() {}

    /**
     * The derivative of {@code output} when each variable named in {@code directions} moves along
     * its direction (an expression shaped like the variable); zero where nothing moves.
     */
    public static Expr tangent(Expr output, Map<String, Expr> directions) {
        // null stands for zero, so that subtrees that do not depend on the variables cost nothing
        Map<Expr, Expr> tangents = new IdentityHashMap<>();
        for (Expr node : Dag.postOrder(List.of(output))) {
            tangents.put(node, node instanceof Expr.Variable v ? directions.get(v.name()) : fromOperands(node, tangents));
        }
        Expr t = tangents.get(output);
        return t != null ? t : Exprs.filled(0, output.shape());
    }

    /** The tangent of {@code node} from its operands' ({@code null} if none of them moves). */
    private static Expr fromOperands(Expr node, Map<Expr, Expr> tangents) {
        List<Expr> operands = new ArrayList<>(node.children().size());
        boolean moves = false;
        for (Expr operand : node.children()) {
            Expr t = tangents.get(operand);
            operands.add(t);
            moves |= t != null;
        }
        return moves ? Pushforward.of(node, operands) : null;
    }
}
