package io.matgrad.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.matgrad.processor.diff.ReverseMode;
import io.matgrad.processor.ir.Binding;
import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.Interner;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.opt.Simplifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What is derived for one function: its value and its derivatives, as simplified expressions
 * interned together, so that what they share (the residual of a least-squares fit, the activations
 * of a network) is one node, computed once by each generated method that needs it.
 */
final class Derivation {
    final Function function;
    /** The user's local names, keyed by their simplified, interned values. */
    final Map<Expr, String> localNames = new IdentityHashMap<>();
    final Expr value;
    /** For a double-valued function, the gradient with respect to each wrt parameter, by name. */
    final Map<String, Expr> gradients = new LinkedHashMap<>();
    /** The locals the formula is written with, in declaration order, by their simplified values. */
    private final List<Binding> namedLocals = new ArrayList<>();
    private final Interner interner = new Interner();

    Derivation(Function function) {
        this.function = function;
        Simplifier forward = new Simplifier(interner, Set.of());
        this.value = forward.simplify(function.result());
        for (Binding local : function.locals()) {
            Expr node = forward.simplify(local.value());
            // a local naming a parameter, a literal or an earlier value adds no name
            if (!node.children().isEmpty() && localNames.putIfAbsent(node, local.name()) == null) {
                namedLocals.add(new Binding(local.name(), node));
            }
        }
        if (function.isScalar()) {
            Simplifier backward = new Simplifier(interner, forwardNodes());
            ReverseMode.gradients(value, function.wrt())
                    .forEach((name, gradient) -> gradients.put(name, backward.simplify(gradient)));
        }
    }

    /** The nodes the value is computed from: derivatives may read them but not take them apart. */
    private Set<Expr> forwardNodes() {
        Set<Expr> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
        nodes.addAll(Dag.postOrder(List.of(value)));
        return nodes;
    }

    /** {@code f(A, x, b) = ‖r‖²} and a line per local, {@code r = Ax − b}: for Javadoc. */
    CodeBlock definition() {
        String arguments = function.parameters().stream().map(Expr.Variable::name).collect(Collectors.joining(", "));
        CodeBlock.Builder lines = CodeBlock.builder()
                .add("f($L) = $L\n", arguments, Notation.format(value, localNames));
        for (Binding local : namedLocals) {
            Map<Expr, String> others = new IdentityHashMap<>(localNames);
            others.remove(local.value());
            lines.add("    $L = $L\n", local.name(), Notation.format(local.value(), others));
        }
        return lines.build();
    }

    /** {@code ∂f/∂x = 2 Aᵀr}: for Javadoc. */
    CodeBlock gradientLine(Expr.Variable x) {
        return CodeBlock.of("∂f/∂$L = $L\n", x.name(), Notation.format(gradients.get(x.name()), localNames));
    }
}
