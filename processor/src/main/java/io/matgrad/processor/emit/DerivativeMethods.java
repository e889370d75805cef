package io.matgrad.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.matgrad.processor.diff.ReverseMode;
import io.matgrad.processor.ir.Binding;
import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.DimRequirement;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.Interner;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.opt.Lowering;
import io.matgrad.processor.opt.Operand;
import io.matgrad.processor.opt.Output;
import io.matgrad.processor.opt.Schedule;
import io.matgrad.processor.opt.Simplifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The generated methods of one differentiable function, as the contract names them: for each
 * {@code x} in {@code wrt}, {@code nameGradX}; and {@code nameValueAndGrad}.
 *
 * <p>The function's value and all its gradients are derived, simplified and interned together, so
 * that what they share (the residual of a least-squares fit, the activations of a network) is one
 * node, computed once by each generated method that needs it.
 */
final class DerivativeMethods {
    private final Function function;
    private final ClassName original;
    private final Interner interner = new Interner();
    /** The user's local names, keyed by their simplified, interned values. */
    private final Map<Expr, String> localNames = new IdentityHashMap<>();
    /** The locals the formula is written with, in declaration order, by their simplified values. */
    private final List<Binding> namedLocals = new ArrayList<>();
    private final Expr value;
    private final Map<String, Expr> gradients = new java.util.LinkedHashMap<>();

    private DerivativeMethods(Function function, ClassName original) {
        this.function = function;
        this.original = original;
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
            Set<Expr> available = Collections.newSetFromMap(new IdentityHashMap<>());
            available.addAll(Dag.postOrder(List.of(value)));
            Simplifier backward = new Simplifier(interner, available);
            ReverseMode.gradients(value, function.wrt())
                    .forEach((name, gradient) -> gradients.put(name, backward.simplify(gradient)));
        }
    }

    /** The generated methods for {@code function}, declared in {@code original}. */
    static List<MethodSpec> of(Function function, ClassName original) {
        return new DerivativeMethods(function, original).methods();
    }

    private List<MethodSpec> methods() {
        List<MethodSpec> methods = new ArrayList<>();
        if (!function.isScalar()) {
            return methods;
        }
        for (Expr.Variable x : function.wrt()) {
            methods.add(write(gradient(x)));
        }
        if (function.wrt().stream().anyMatch(x -> x.shape().isMatrix())) {
            methods.add(write(valueAndGradient()));
        }
        return methods;
    }

    private Set<String> parameterNames() {
        return function.parameters().stream().map(Expr.Variable::name).collect(Collectors.toSet());
    }

    private MethodPlan gradient(Expr.Variable x) {
        String name = function.name() + "Grad" + Names.capitalize(x.name());
        Output gradient = new Output(Names.avoiding("grad" + Names.capitalize(x.name()), parameterNames()),
                gradients.get(x.name()), false);
        CodeBlock javadoc = CodeBlock.builder()
                .add("The gradient of {@link $T#$N} with respect to {@code $N}, shaped like {@code $N}\n",
                        original, function.name(), x.name(), x.name())
                .add(x.shape().isMatrix()
                        ? CodeBlock.of("(denominator layout: entry ij is ∂f/∂$N<sub>ij</sub>).\n", x.name())
                        : CodeBlock.of("(a double).\n"))
                .add("\n<pre>\n$L$L</pre>\n\n", definition(), derivativeLine(x))
                .add(throwsClause())
                .build();
        return new MethodPlan(name, function.parameters(), List.of(), List.of(gradient), gradient, javadoc);
    }

    private MethodPlan valueAndGradient() {
        Set<String> taken = new HashSet<>(parameterNames());
        Output value = new Output(Names.avoiding("value", taken), this.value, false);
        taken.add(value.name());
        List<Output> outputs = new ArrayList<>(List.of(value));
        List<Expr.Variable> outputParameters = new ArrayList<>();
        CodeBlock.Builder formulas = CodeBlock.builder().add(definition());
        CodeBlock.Builder params = CodeBlock.builder();
        for (Expr.Variable x : function.wrt()) {
            if (x.shape().isScalar()) {
                continue;
            }
            String name = Names.avoiding("grad" + Names.capitalize(x.name()), taken);
            taken.add(name);
            outputs.add(new Output(name, gradients.get(x.name()), true));
            outputParameters.add(new Expr.Variable(name, x.shape()));
            formulas.add(derivativeLine(x));
            params.add("@param $N receives ∂f/∂$N; reshaped to the shape of {@code $N}\n", name, x.name(), x.name());
        }
        CodeBlock javadoc = CodeBlock.builder()
                .add("The value of {@link $T#$N} and its gradients, computed together: what the value and the\n"
                        + "gradients share is computed once.\n", original, function.name())
                .add("\n<pre>\n$L</pre>\n\n", formulas.build())
                .add(params.build())
                .add("@return f\n")
                .add(throwsClause())
                .build();
        String name = function.name() + "ValueAndGrad";
        return new MethodPlan(name, function.parameters(), outputParameters, outputs, value, javadoc);
    }

    /** {@code f(A, x, b) = ‖r‖²} and a line per local, {@code r = Ax − b}. */
    private CodeBlock definition() {
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

    private CodeBlock derivativeLine(Expr.Variable x) {
        return CodeBlock.of("∂f/∂$L = $L\n", x.name(), Notation.format(gradients.get(x.name()), localNames));
    }

    private CodeBlock throwsClause() {
        return function.requirements().isEmpty() ? CodeBlock.of("")
                : CodeBlock.of("@throws IllegalArgumentException if the arguments' dimensions do not fit together\n");
    }

    // ---------------------------------------------------------------- writing

    private MethodSpec write(MethodPlan plan) {
        Set<String> reserved = new HashSet<>(parameterNames());
        plan.outputParameters().forEach(p -> reserved.add(p.name()));
        Schedule schedule = Lowering.lower(plan.outputs(), localNames, reserved);
        MethodSpec.Builder method = MethodSpec.methodBuilder(plan.name())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc(plan.javadoc())
                .returns(typeOf(plan.returned().value()));
        for (Expr.Variable p : plan.parameters()) {
            method.addParameter(typeOf(p), p.name());
        }
        for (Expr.Variable p : plan.outputParameters()) {
            method.addParameter(typeOf(p), p.name());
        }
        method.addCode(checks(plan));
        method.addCode(BodyWriter.write(schedule, localNames));
        Operand result = schedule.outputs().get(plan.returned().name());
        method.addStatement("return $L", OperandWriter.write(result));
        return method.build();
    }

    private static TypeName typeOf(Expr e) {
        return e.shape().isScalar() ? TypeName.DOUBLE : Types.MATRIX;
    }

    /** The argument checks: dimensions the formula needs, outputs distinct from inputs, outputs reshaped. */
    private CodeBlock checks(MethodPlan plan) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (DimRequirement r : function.requirements()) {
            String rule = r.origin() + " needs " + r.dim() + " == " + r.equals();
            if (r.equals() instanceof Dim.Axis other) {
                code.addStatement("$T.requireDimension($L, $L, $S, $S, $S, $N, $S, $N)", Types.ARGUMENTS,
                        OperandWriter.dim(r.dim()), OperandWriter.dim(other), plan.name(), rule,
                        r.dim().matrix(), r.dim().matrix(), other.matrix(), other.matrix());
            } else {
                code.addStatement("$T.requireDimension($L, $L, $S, $S, $S, $N)", Types.ARGUMENTS,
                        OperandWriter.dim(r.dim()), OperandWriter.dim(r.equals()), plan.name(), rule,
                        r.dim().matrix(), r.dim().matrix());
            }
        }
        List<Expr.Variable> outputs = plan.outputParameters();
        for (int i = 0; i < outputs.size(); i++) {
            String out = outputs.get(i).name();
            List<Expr.Variable> others = new ArrayList<>(plan.parameters());
            others.addAll(outputs.subList(0, i));
            for (Expr.Variable other : others) {
                if (other.shape().isMatrix()) {
                    code.addStatement("$T.requireDistinct($N, $N, $S, $S, $S)", Types.ARGUMENTS, out, other.name(),
                            plan.name(), out, other.name());
                }
            }
        }
        for (Expr.Variable out : outputs) {
            code.addStatement("$N.reshape($L, $L)", out.name(), OperandWriter.dim(out.shape().rows()),
                    OperandWriter.dim(out.shape().cols()));
        }
        return code.build();
    }
}
