package io.matgrad.processor.opt;

import io.matgrad.processor.diff.Derivation;
import io.matgrad.processor.ir.Binding;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.GeneratedNames;
import io.matgrad.processor.ir.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The optimise-and-lower stage: decides the methods the contract offers for a derived function
 * (its value; gradients, value and gradient, Hessians and Hessian-vector products of a double;
 * Jacobians of a vector) and schedules the kernels of each ({@link Lowering}).
 */
public final class Planner {
    private final Derivation derivation;
    private final Function function;
    /** The function's names: parameters and outputs of every method; each method schedules in a scope of its own. */
    private final NameSource names;

    private Planner(Derivation derivation, NameSource names) {
        this.derivation = derivation;
        this.function = derivation.function();
        this.names = names;
    }

    /**
     * The methods of {@code derivation}'s function, each scheduled.
     *
     * @param names the names the generated code may use; it must hold the function's parameters
     *     and {@link Program#CHECK_DIMENSIONS}, and the directions the derivation named
     */
    public static Program plan(Derivation derivation, NameSource names) {
        return new Planner(derivation, names).plan();
    }

    private record Planned(Program.Kind kind, Expr.Variable x, String staticName, String workspaceName,
            List<Expr.Variable> inputs, List<Expr.Variable> outputs, int allocated, List<Output> computes,
            Output returned) {}

    private Program plan() {
        List<Planned> planned = methods();
        for (Planned p : planned) {
            p.outputs().forEach(o -> names.take(o.name()));
            p.computes().forEach(o -> names.take(o.name()));
        }
        Set<String> declared = new HashSet<>();
        function.parameters().forEach(p -> declared.add(p.name()));
        List<Program.Method> methods = new ArrayList<>();
        for (Planned p : planned) {
            Schedule schedule = Lowering.lower(p.computes(), derivation.localNames(), names.scope());
            p.outputs().forEach(o -> declared.add(o.name()));
            p.computes().forEach(o -> declared.add(o.name()));
            p.computes().stream().filter(o -> o.sweep() != null).forEach(o -> declared.add(o.sweep().direction().name()));
            p.inputs().forEach(i -> declared.add(i.name()));
            methods.add(new Program.Method(p.kind(), p.x(), p.staticName(), p.workspaceName(), p.inputs(), p.outputs(),
                    p.allocated(), p.computes(), p.returned(), schedule));
        }
        declared.add(Program.CHECK_DIMENSIONS);
        for (Binding local : function.locals()) {
            declared.add(local.name());
        }
        return new Program(derivation, methods, declared);
    }

    private List<Planned> methods() {
        List<Planned> methods = new ArrayList<>();
        methods.add(value());
        if (function.isScalar()) {
            for (Expr.Variable x : function.wrt()) {
                methods.add(gradient(x));
            }
            if (function.wrt().stream().anyMatch(x -> x.shape().isMatrix())) {
                methods.add(valueAndGradient());
            }
            for (Expr.Variable x : function.hessian() ? function.wrt() : List.<Expr.Variable>of()) {
                methods.add(sweepable(Program.Kind.HESSIAN, "hessian", x, derivation.hessians().get(x.name())));
                if (x.shape().isMatrix()) {
                    methods.add(hessianVectorProduct(x));
                }
            }
        } else {
            for (Expr.Variable x : function.wrt()) {
                methods.add(sweepable(Program.Kind.JACOBIAN, "jacobian", x, derivation.jacobians().get(x.name())));
            }
        }
        return methods;
    }

    /** The function itself, allocation-free; its static twin is the annotated method. */
    private Planned value() {
        // a vector function's value is written into a matrix the caller passes
        boolean matrix = !function.isScalar();
        Output value = new Output(names.avoiding("value"), derivation.value(), matrix);
        List<Expr.Variable> outputs = matrix ? List.of(new Expr.Variable(value.name(), derivation.value().shape())) : List.of();
        return new Planned(Program.Kind.VALUE, null, null, "value", function.parameters(), outputs, 0, List.of(value), value);
    }

    private Planned gradient(Expr.Variable x) {
        String workspaceName = GeneratedNames.derivative("grad", x.name());
        String output = names.avoiding(workspaceName);
        boolean matrix = x.shape().isMatrix();
        Output gradient = new Output(output, derivation.gradients().get(x.name()), matrix);
        List<Expr.Variable> outputs = matrix ? List.of(new Expr.Variable(output, x.shape())) : List.of();
        return new Planned(Program.Kind.GRADIENT, x, staticName(workspaceName), workspaceName, function.parameters(),
                outputs, outputs.size(), List.of(gradient), gradient);
    }

    /** The value and the gradient in every matrix wrt parameter, one output each, in wrt order. */
    private Planned valueAndGradient() {
        NameSource taken = names.scope();
        Output value = new Output(taken.avoiding("value"), derivation.value(), false);
        taken.take(value.name());
        List<Output> computes = new ArrayList<>(List.of(value));
        List<Expr.Variable> outputs = new ArrayList<>();
        for (Expr.Variable x : function.wrt()) {
            if (x.shape().isScalar()) {
                continue;
            }
            String name = taken.avoiding(GeneratedNames.derivative("grad", x.name()));
            taken.take(name);
            computes.add(new Output(name, derivation.gradients().get(x.name()), true));
            outputs.add(new Expr.Variable(name, x.shape()));
        }
        return new Planned(Program.Kind.VALUE_AND_GRADIENT, null, staticName("valueAndGrad"), "valueAndGrad",
                function.parameters(), outputs, 0, computes, value);
    }

    /** A Jacobian or Hessian: a double for a double {@code x}, else a matrix the static method allocates. */
    private Planned sweepable(Program.Kind kind, String name, Expr.Variable x, Derivation.Derivative d) {
        String workspaceName = GeneratedNames.derivative(name, x.name());
        String output = names.avoiding(name);
        Output.Sweep sweep = d.sweep() == null ? null
                : new Output.Sweep(d.sweep().direction(), d.sweep().rows(), d.sweep().shape());
        Shape shape = sweep != null ? sweep.shape() : d.value().shape();
        Output computed = new Output(output, d.value(), shape.isMatrix(), sweep);
        List<Expr.Variable> outputs = shape.isMatrix() ? List.of(new Expr.Variable(output, shape)) : List.of();
        if (sweep != null) {
            names.take(sweep.direction().name());
        }
        return new Planned(kind, x, staticName(workspaceName), workspaceName, function.parameters(), outputs,
                outputs.size(), List.of(computed), computed);
    }

    private Planned hessianVectorProduct(Expr.Variable x) {
        Expr hv = derivation.hessianVectorProducts().get(x.name());
        Expr.Variable v = new Expr.Variable(derivation.directionName(), x.shape());
        String output = names.avoiding("hessVec");
        Output computed = new Output(output, hv, true);
        List<Expr.Variable> inputs = new ArrayList<>(function.parameters());
        inputs.add(v);
        names.take(v.name());
        String workspaceName = GeneratedNames.derivative("hessVec", x.name());
        return new Planned(Program.Kind.HESSIAN_VECTOR_PRODUCT, x, staticName(workspaceName), workspaceName, inputs,
                List.of(new Expr.Variable(output, x.shape())), 1, List.of(computed), computed);
    }

    private String staticName(String workspaceName) {
        return GeneratedNames.staticMethod(function.name(), workspaceName);
    }
}
