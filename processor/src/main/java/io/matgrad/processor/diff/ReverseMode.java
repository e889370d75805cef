package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reverse-mode differentiation at the level of matrices: one backward sweep over the expression
 * DAG that gives the adjoint of every node as an expression of the same IR, and so the gradient of
 * a double-valued function with respect to each of its inputs.
 *
 * <p>Nothing here knows a derivative: each node's adjoints are its {@link Pushforward}, with a
 * placeholder for the change of each operand, transposed ({@link Transposition}): if
 * {@code dC = dA B + A dB}, then {@code Ā += C̄Bᵀ} and {@code B̄ += AᵀC̄}. Each adjoint is shaped like
 * its node (denominator layout: entry ij of {@code X̄} is {@code ∂f/∂x_ij}). The output is
 * unsimplified; {@code opt} simplifies it.
 */
public final class ReverseMode {
    /** Names of the placeholders for the operands' changes: not Java identifiers, so never a user's. */
    private static final String PLACEHOLDER = "#d";

    private ReverseMode() {}

    /**
     * The gradients of the double-valued {@code output} with respect to each of {@code wrt}, by
     * name, in the order given; zero where {@code output} does not depend on a variable.
     */
    public static Map<String, Expr> gradients(Expr output, List<Expr.Variable> wrt) {
        if (!output.shape().isScalar()) {
            throw new IllegalArgumentException("the gradient is defined for a double-valued function");
        }
        return adjoints(output, Exprs.filled(1, output.shape()), wrt);
    }

    /**
     * The adjoints of {@code wrt} given the adjoint {@code seed} of {@code output}: for a seed
     * {@code Ȳ}, each variable's adjoint is the gradient of {@code Tr(Ȳᵀ output)}. For a vector
     * function this is the vector-Jacobian product {@code Jᵀȳ}.
     */
    public static Map<String, Expr> adjoints(Expr output, Expr seed, List<Expr.Variable> wrt) {
        Set<String> names = wrt.stream().map(Expr.Variable::name).collect(Collectors.toSet());
        Sweep sweep = new Sweep(names);
        if (sweep.isActive(output)) {
            sweep.accumulate(output, seed);
            List<Expr> order = Dag.postOrder(List.of(output));
            Collections.reverse(order);
            for (Expr node : order) {
                Expr adjoint = sweep.adjoints.get(node);
                if (adjoint != null && !node.children().isEmpty()) {
                    sweep.propagate(node, adjoint);
                }
            }
        }
        Map<String, Expr> result = new LinkedHashMap<>();
        for (Expr.Variable v : wrt) {
            result.put(v.name(), sweep.byName.getOrDefault(v.name(), Exprs.filled(0, v.shape())));
        }
        return result;
    }

    /** The backward sweep: pushes each node's adjoint to the operands it depends on. */
    private static final class Sweep {
        private final Set<String> wrt;
        private final Map<Expr, Boolean> active = new IdentityHashMap<>();
        private final Map<Expr, Expr> adjoints = new IdentityHashMap<>();
        private final Map<String, Expr> byName = new LinkedHashMap<>();

        Sweep(Set<String> wrt) {
            this.wrt = wrt;
        }

        boolean isActive(Expr node) {
            return Dag.dependsOn(node, wrt, active);
        }

        /** Adds {@code contribution} to the adjoint of {@code node}, if the node depends on a wrt variable. */
        void accumulate(Expr node, Expr contribution) {
            if (!isActive(node)) {
                return;
            }
            adjoints.merge(node, contribution, Expr.Add::new);
            if (node instanceof Expr.Variable v) {
                byName.merge(v.name(), contribution, Expr.Add::new);
            }
        }

        /** Adds the adjoint of {@code node} to its operands': its pushforward, transposed. */
        void propagate(Expr node, Expr adjoint) {
            List<Expr> operands = node.children();
            List<Expr> changes = new ArrayList<>(operands.size());
            for (int i = 0; i < operands.size(); i++) {
                Expr operand = operands.get(i);
                changes.add(isActive(operand) ? new Expr.Variable(PLACEHOLDER + i, operand.shape()) : null);
            }
            Set<String> placeholders = changes.stream()
                    .filter(c -> c != null)
                    .map(c -> ((Expr.Variable) c).name())
                    .collect(Collectors.toSet());
            Expr pushforward = Pushforward.of(node, changes);
            if (pushforward == null) {
                return; // a function whose derivative is zero: sign, heaviside
            }
            Map<String, List<Expr>> cotangents = Transposition.transpose(pushforward, adjoint, placeholders);
            for (int i = 0; i < operands.size(); i++) {
                for (Expr contribution : cotangents.getOrDefault(PLACEHOLDER + i, List.of())) {
                    accumulate(operands.get(i), contribution);
                }
            }
        }
    }
}
