package io.matgrad.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.matgrad.processor.diff.ForwardMode;
import io.matgrad.processor.diff.JacobianMode;
import io.matgrad.processor.diff.ReverseMode;
import io.matgrad.processor.ir.Binding;
import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.Interner;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Shape;
import io.matgrad.processor.opt.Output;
import io.matgrad.processor.opt.Simplifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** For a vector function, the Jacobian with respect to each wrt parameter, by name. */
    final Map<String, Derivative> jacobians = new LinkedHashMap<>();
    /** With {@code hessian = true}, the Hessian with respect to each wrt parameter, by name. */
    final Map<String, Derivative> hessians = new LinkedHashMap<>();
    /** With {@code hessian = true}, the Hessian-vector product with respect to each matrix wrt parameter. */
    final Map<String, Expr> hessianVectorProducts = new LinkedHashMap<>();
    /** The direction of a Hessian-vector product: a parameter of {@code nameHessVecX}. */
    final String directionName;
    /** The unit direction a sweep moves along: a workspace field. */
    final String sweepName;

    /**
     * A derivative: a matrix expression, or (with a {@code sweep}) an expression of a direction from
     * which the generated code assembles the derivative one unit direction at a time.
     */
    record Derivative(Expr value, Output.Sweep sweep) {
        static Derivative of(Expr value) {
            return new Derivative(value, null);
        }
    }

    Derivation(Function parsed) {
        this.function = parsed.hessian() || !parsed.isScalar() ? ColumnVectors.pin(parsed, parsed.wrt()) : parsed;
        Set<String> parameters = function.parameters().stream().map(Expr.Variable::name).collect(Collectors.toSet());
        this.directionName = Names.avoiding("v", parameters);
        this.sweepName = Names.avoiding("direction", parameters);
        Simplifier forward = new Simplifier(interner, Set.of())
                .rotatingTracesTowards(function.wrt().stream().map(Expr.Variable::name).collect(Collectors.toSet()));
        this.value = forward.simplify(function.result());
        for (Binding local : function.locals()) {
            Expr node = forward.simplify(local.value());
            // a local naming a parameter, a literal or an earlier value adds no name
            if (!node.children().isEmpty() && localNames.putIfAbsent(node, local.name()) == null) {
                namedLocals.add(new Binding(local.name(), node));
            }
        }
        if (function.isScalar()) {
            Simplifier backward = new Simplifier(interner, computed(List.of(value)));
            ReverseMode.gradients(value, function.wrt())
                    .forEach((name, gradient) -> gradients.put(name, backward.simplify(gradient)));
            if (function.hessian()) {
                List<Expr> firstOrder = new ArrayList<>(gradients.values());
                firstOrder.add(value);
                Simplifier second = new Simplifier(interner, computed(firstOrder));
                for (Expr.Variable x : function.wrt()) {
                    Expr gradient = gradients.get(x.name());
                    hessians.put(x.name(), jacobian(gradient, x, false, second));
                    if (x.shape().isMatrix()) {
                        Expr.Variable v = new Expr.Variable(directionName, x.shape());
                        hessianVectorProducts.put(x.name(),
                                second.simplify(ForwardMode.tangent(gradient, Map.of(x.name(), v))));
                    }
                }
            }
        } else {
            Simplifier derivative = new Simplifier(interner, computed(List.of(value)));
            for (Expr.Variable x : function.wrt()) {
                jacobians.put(x.name(), jacobian(value, x, function.denominatorLayout(), derivative));
            }
        }
    }

    /**
     * The Jacobian of {@code f} (a vector, or a gradient) with respect to {@code x}: for a double
     * {@code x}, the derivative along 1; for a column vector, the symbolic Jacobian if every node that
     * depends on {@code x} is a vector; else a sweep of directional derivatives, one per entry of
     * {@code vec(x)}.
     */
    private Derivative jacobian(Expr f, Expr.Variable x, boolean transposed, Simplifier simplifier) {
        // (the sweep's tangent is simplified with a simplifier of its own, that knows the direction varies)
        if (x.shape().isScalar()) {
            Expr d = ForwardMode.tangent(f, Map.of(x.name(), Expr.Constant.ONE));
            return Derivative.of(simplifier.simplify(transposed && d.shape().isMatrix() ? new Expr.Transpose(d) : d));
        }
        Optional<Expr> symbolic = JacobianMode.jacobian(f, x);
        if (symbolic.isPresent()) {
            Expr j = symbolic.get();
            return Derivative.of(simplifier.simplify(transposed ? new Expr.Transpose(j) : j));
        }
        Expr.Variable unit = new Expr.Variable(sweepName, x.shape());
        Simplifier grouping = new Simplifier(interner, computed(List.of(f)), Set.of(sweepName));
        Expr tangent = grouping.simplify(ForwardMode.tangent(f, Map.of(x.name(), unit)));
        Dim entries = f.shape().isColumnVector() ? f.shape().rows() : new Dim.Entries(x.name());
        Dim directions = x.shape().isColumnVector() ? x.shape().rows() : new Dim.Entries(x.name());
        Shape shape = transposed ? Shape.matrix(directions, entries) : Shape.matrix(entries, directions);
        return new Derivative(tangent, new Output.Sweep(unit, transposed, shape));
    }

    /** The nodes computed for {@code roots}: what comes after may read them but not take them apart. */
    private static Set<Expr> computed(List<Expr> roots) {
        Set<Expr> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
        nodes.addAll(Dag.postOrder(roots));
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

    /** {@code e} in math notation, with the user's names. */
    String format(Expr e) {
        return Notation.format(e, localNames);
    }
}
