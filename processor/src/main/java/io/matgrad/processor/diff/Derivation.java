package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Binding;
import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.Shape;
import io.matgrad.processor.lang.Vectorize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The derive stage: a function's value and every derivative its annotation asks for, as
 * simplified expressions interned together, so that what they share (the residual of a
 * least-squares fit, the activations of a network) is one node, computed once by each generated
 * method that needs it. Immutable once derived.
 */
public final class Derivation {
    private final Function function;
    private final Map<Expr, String> localNames = new IdentityHashMap<>();
    private final List<Binding> namedLocals = new ArrayList<>();
    private final Expr value;
    private final Map<String, Expr> gradients = new LinkedHashMap<>();
    private final Map<String, Derivative> jacobians = new LinkedHashMap<>();
    private final Map<String, Derivative> hessians = new LinkedHashMap<>();
    private final Map<String, Expr> hessianVectorProducts = new LinkedHashMap<>();
    private final String directionName;
    private final String sweepName;
    private final Simplification simplification;

    /**
     * A derivative: a matrix expression, or (with a {@code sweep}) an expression of a direction from
     * which the generated code assembles the derivative one unit direction at a time.
     */
    public record Derivative(Expr value, Sweep sweep) {
        static Derivative of(Expr value) {
            return new Derivative(value, null);
        }
    }

    /**
     * A matrix assembled by sweeping {@code direction} over the unit vectors of its space, in vec
     * order: column {@code j} (or, {@code rows}, row {@code j}) of it is {@code vec(value)} with
     * {@code direction = e_j}.
     *
     * @param shape the assembled matrix's shape
     */
    public record Sweep(Expr.Variable direction, boolean rows, Shape shape) {}

    /**
     * Derives {@code parsed}.
     *
     * @param simplification opt's simplifiers
     * @param directionName the name of a Hessian-vector product's direction, a parameter of the
     *     generated method ({@code v} unless a parameter has that name)
     * @param sweepName the name of the unit direction a Jacobian or Hessian assembled column by
     *     column moves along, a workspace field
     */
    public static Derivation of(Function parsed, Simplification simplification, String directionName, String sweepName) {
        return new Derivation(parsed, simplification, directionName, sweepName);
    }

    private Derivation(Function parsed, Simplification simplification, String directionName, String sweepName) {
        this.function = parsed;
        this.simplification = simplification;
        this.directionName = directionName;
        this.sweepName = sweepName;
        UnaryOperator<Expr> forward = simplification.ofValue(
                function.wrt().stream().map(Expr.Variable::name).collect(Collectors.toSet()));
        this.value = forward.apply(function.result());
        for (Binding local : function.locals()) {
            Expr node = forward.apply(local.value());
            // a local naming a parameter, a literal or an earlier value adds no name
            if (!node.children().isEmpty() && localNames.putIfAbsent(node, local.name()) == null) {
                namedLocals.add(new Binding(local.name(), node));
            }
        }
        if (function.isScalar()) {
            UnaryOperator<Expr> backward = simplification.given(computed(List.of(value)));
            ReverseMode.gradients(value, function.wrt())
                    .forEach((name, gradient) -> gradients.put(name, backward.apply(gradient)));
            if (function.hessian()) {
                List<Expr> firstOrder = new ArrayList<>(gradients.values());
                firstOrder.add(value);
                UnaryOperator<Expr> second = simplification.given(computed(firstOrder));
                for (Expr.Variable x : function.wrt()) {
                    Expr gradient = gradients.get(x.name());
                    hessians.put(x.name(), jacobian(gradient, x, false, second));
                    if (x.shape().isMatrix()) {
                        Expr.Variable v = new Expr.Variable(directionName, x.shape());
                        hessianVectorProducts.put(x.name(),
                                second.apply(ForwardMode.tangent(gradient, Map.of(x.name(), v))));
                    }
                }
            }
        } else {
            UnaryOperator<Expr> derivative = simplification.given(computed(List.of(value)));
            for (Expr.Variable x : function.wrt()) {
                jacobians.put(x.name(), jacobian(value, x, function.denominatorLayout(), derivative));
            }
        }
    }

    /**
     * The Jacobian of {@code f} (a vector, a matrix, or a gradient) with respect to {@code x}, in
     * vec: for a double {@code x}, the derivative along 1; else the symbolic Jacobian
     * ({@link JacobianMode}) where there is one, or a sweep of directional derivatives, one per
     * entry of {@code vec(x)}.
     */
    private Derivative jacobian(Expr f, Expr.Variable x, boolean transposed, UnaryOperator<Expr> simplifier) {
        // (the sweep's tangent is simplified with a simplifier of its own, that knows the direction varies)
        if (x.shape().isScalar()) {
            // of a matrix function, vec(dF/dx): a column of the Jacobian's pq rows
            Expr d = Vectorize.column(ForwardMode.tangent(f, Map.of(x.name(), Expr.Constant.ONE)));
            return Derivative.of(simplifier.apply(transposed && d.shape().isMatrix() ? new Expr.Transpose(d) : d));
        }
        Optional<Expr> symbolic = JacobianMode.jacobian(f, x);
        if (symbolic.isPresent()) {
            Expr j = symbolic.get();
            return Derivative.of(simplifier.apply(transposed ? new Expr.Transpose(j) : j));
        }
        Expr.Variable unit = new Expr.Variable(sweepName, x.shape());
        UnaryOperator<Expr> grouping = simplification.given(computed(List.of(f)), Set.of(sweepName));
        Expr tangent = grouping.apply(ForwardMode.tangent(f, Map.of(x.name(), unit)));
        Dim entries = entries(f.shape(), x);
        Dim directions = entries(x.shape(), x);
        Shape shape = transposed ? Shape.matrix(directions, entries) : Shape.matrix(entries, directions);
        return new Derivative(tangent, new Sweep(unit, transposed, shape));
    }

    /** The length of {@code vec} of a matrix of {@code shape}: its rows for a column, {@code x.getNumElements()} for x's shape. */
    private static Dim entries(Shape shape, Expr.Variable x) {
        if (shape.isColumnVector()) {
            return shape.rows();
        }
        return shape.equals(x.shape()) ? new Dim.Entries(x.name()) : Vectorize.entries(shape);
    }

    /** The nodes computed for {@code roots}: what comes after may read them but not take them apart. */
    private static Set<Expr> computed(List<Expr> roots) {
        Set<Expr> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
        nodes.addAll(Dag.postOrder(roots));
        return nodes;
    }

    /** The function as differentiated. */
    public Function function() {
        return function;
    }

    /** The simplified value. */
    public Expr value() {
        return value;
    }

    /** The user's local names, keyed by their simplified, interned values (identity keys). */
    public Map<Expr, String> localNames() {
        return Collections.unmodifiableMap(localNames);
    }

    /** The locals the formula is written with, in declaration order, by their simplified values. */
    public List<Binding> namedLocals() {
        return Collections.unmodifiableList(namedLocals);
    }

    /** For a double-valued function, the gradient with respect to each wrt parameter, by name. */
    public Map<String, Expr> gradients() {
        return Collections.unmodifiableMap(gradients);
    }

    /** For a vector function, the Jacobian with respect to each wrt parameter, by name. */
    public Map<String, Derivative> jacobians() {
        return Collections.unmodifiableMap(jacobians);
    }

    /** With {@code hessian = true}, the Hessian with respect to each wrt parameter, by name. */
    public Map<String, Derivative> hessians() {
        return Collections.unmodifiableMap(hessians);
    }

    /** With {@code hessian = true}, the Hessian-vector product with respect to each matrix wrt parameter. */
    public Map<String, Expr> hessianVectorProducts() {
        return Collections.unmodifiableMap(hessianVectorProducts);
    }

    /** The direction of a Hessian-vector product: a parameter of {@code nameHessVecX}. */
    public String directionName() {
        return directionName;
    }
}
