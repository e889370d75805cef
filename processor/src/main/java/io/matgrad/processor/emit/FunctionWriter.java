package io.matgrad.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.DimRequirement;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.Shape;
import io.matgrad.processor.opt.Lowering;
import io.matgrad.processor.opt.Operand;
import io.matgrad.processor.opt.Output;
import io.matgrad.processor.opt.Schedule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the generated code of one function: a workspace class, {@code <Name>Workspace}, whose
 * instance methods compute the value and the derivatives into caller-owned outputs and keep their
 * temporaries as fields, so that repeated calls allocate nothing; and the contract's static
 * methods ({@code nameGradX}, {@code nameValueAndGrad}), which allocate a workspace and call it.
 */
final class FunctionWriter {
    private static final String CHECK_DIMENSIONS = "checkDimensions";
    private final Derivation derivation;
    private final Function function;
    private final ClassName original;
    private final ClassName workspace;
    /** Names no temporary may take: every parameter and output of every method of the workspace. */
    private final Set<String> reserved = new HashSet<>(Set.of(CHECK_DIMENSIONS));

    private FunctionWriter(Derivation derivation, ClassName original, ClassName gradients, String workspace) {
        this.derivation = derivation;
        this.function = derivation.function;
        this.original = original;
        this.workspace = gradients.nestedClass(workspace);
        function.parameters().forEach(p -> reserved.add(p.name()));
    }

    /**
     * The generated code for {@code function}, declared in {@code original}, generated into
     * {@code gradients}, with its workspace class named {@code workspace}.
     */
    static GeneratedFunction write(Function function, ClassName original, ClassName gradients, String workspace) {
        return new FunctionWriter(new Derivation(function), original, gradients, workspace).write();
    }

    private GeneratedFunction write() {
        List<Operation> operations = operations();
        for (Operation op : operations) {
            op.outputs().forEach(o -> reserved.add(o.name()));
            op.computes().forEach(o -> reserved.add(o.name()));
        }
        List<FunctionReport.Method> reported = new ArrayList<>();
        Map<String, Operand.Ref> fields = new LinkedHashMap<>();
        Set<String> factorizations = new LinkedHashSet<>();
        List<MethodSpec> workspaceMethods = new ArrayList<>();
        List<MethodSpec> staticMethods = new ArrayList<>();
        for (Operation op : operations) {
            Schedule schedule = Lowering.lower(op.computes(), derivation.localNames, reserved);
            schedule.temporaries().forEach(t -> fields.putIfAbsent(t.name(), t));
            factorizations.addAll(schedule.factorizations());
            CodeBlock body = BodyWriter.write(schedule, derivation.localNames, function.name());
            workspaceMethods.add(workspaceMethod(op, schedule, body));
            reported.add(new FunctionReport.Method(op.staticName() != null ? op.staticName() : op.workspaceName(),
                    readable(body)));
            if (op.staticName() != null) {
                staticMethods.add(staticMethod(op));
            }
        }
        Set<String> names = new HashSet<>(reserved);
        function.locals().forEach(b -> names.add(b.name()));
        String signature = function.name() + "(" + names(function.parameters()) + ")";
        FunctionReport report = new FunctionReport(signature, formulas(), reported);
        return new GeneratedFunction(staticMethods, workspaceClass(fields.values(), factorizations, workspaceMethods),
                names, report, function);
    }

    /** The function and every derivative, in math notation, for the report. */
    private List<String> formulas() {
        List<String> lines = new ArrayList<>(derivation.definition().toString().lines().toList());
        derivation.gradients.keySet().forEach(x -> lines.add(derivation.gradientLine(function.parameter(x)).toString().strip()));
        derivation.jacobians.forEach((x, j) -> lines.add(derivativeLine("∂f/∂" + x + "ᵀ", function.parameter(x), j).toString().strip()));
        derivation.hessians.forEach((x, h) -> lines.add(derivativeLine("∂²f/∂" + x + "²", function.parameter(x), h).toString().strip()));
        derivation.hessianVectorProducts.forEach((x, hv) ->
                lines.add("∂²f/∂" + x + "² " + derivation.directionName + " = " + derivation.format(hv)));
        return lines;
    }

    /** Generated statements as a reader wants them: classes by simple name. */
    private static String readable(CodeBlock body) {
        return body.toString()
                .replace("org.ejml.dense.row.mult.", "")
                .replace("org.ejml.dense.row.", "")
                .replace("org.ejml.data.", "")
                .replace("io.matgrad.runtime.", "");
    }

    // ---------------------------------------------------------------- what is offered

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        operations.add(value());
        if (function.isScalar()) {
            for (Expr.Variable x : function.wrt()) {
                operations.add(gradient(x));
            }
            if (function.wrt().stream().anyMatch(x -> x.shape().isMatrix())) {
                operations.add(valueAndGradient());
            }
            for (Expr.Variable x : function.hessian() ? function.wrt() : List.<Expr.Variable>of()) {
                operations.add(hessian(x));
                if (x.shape().isMatrix()) {
                    operations.add(hessianVectorProduct(x));
                }
            }
        } else {
            for (Expr.Variable x : function.wrt()) {
                operations.add(jacobian(x));
            }
        }
        return operations;
    }

    private Operation jacobian(Expr.Variable x) {
        Derivation.Derivative j = derivation.jacobians.get(x.name());
        String layout = function.denominatorLayout()
                ? "denominator layout, ∂fᵀ/∂x: entry ij is ∂f<sub>j</sub>/∂x<sub>i</sub>"
                : "numerator layout, ∂f/∂xᵀ: entry ij is ∂f<sub>i</sub>/∂x<sub>j</sub>";
        CodeBlock javadoc = CodeBlock.builder()
                .add("The Jacobian of {@link $T#$N} with respect to {@code $N} ($L$L).\n", original, function.name(),
                        x.name(), layout, vecNote(x))
                .add(wrtByDefaultNote(x))
                .add("\n<pre>\n$L$L</pre>\n\n", derivation.definition(), derivativeLine("J", x, j))
                .add(throwsClause())
                .build();
        return sweepable("jacobian", x, j, javadoc);
    }

    private Operation hessian(Expr.Variable x) {
        Derivation.Derivative h = derivation.hessians.get(x.name());
        CodeBlock javadoc = CodeBlock.builder()
                .add("The Hessian of {@link $T#$N} with respect to {@code $N}: entry ij is ∂²f/∂$N<sub>i</sub>∂$N<sub>j</sub>$L.\n",
                        original, function.name(), x.name(), x.name(), x.name(), vecNote(x))
                .add(wrtByDefaultNote(x))
                .add("\n<pre>\n$L$L$L</pre>\n\n", derivation.definition(), derivation.gradientLine(x), derivativeLine("H", x, h))
                .add(throwsClause())
                .build();
        return sweepable("hessian", x, h, javadoc);
    }

    /** A Jacobian or Hessian: a double for a double {@code x}, else a matrix the static method allocates. */
    private Operation sweepable(String kind, Expr.Variable x, Derivation.Derivative d, CodeBlock javadoc) {
        String workspaceName = Names.derivative(kind, x.name());
        String output = Names.avoiding(kind, reserved);
        Shape shape = d.sweep() != null ? d.sweep().shape() : d.value().shape();
        Output computed = new Output(output, d.value(), shape.isMatrix(), d.sweep());
        List<Expr.Variable> outputs = shape.isMatrix() ? List.of(new Expr.Variable(output, shape)) : List.of();
        if (d.sweep() != null) {
            reserved.add(d.sweep().direction().name());
        }
        return new Operation(staticName(workspaceName), workspaceName, function.parameters(), outputs, outputs.size(),
                List.of(computed), computed, javadoc);
    }

    private Operation hessianVectorProduct(Expr.Variable x) {
        Expr hv = derivation.hessianVectorProducts.get(x.name());
        Expr.Variable v = new Expr.Variable(derivation.directionName, x.shape());
        String output = Names.avoiding("hessVec", reserved);
        Output computed = new Output(output, hv, true);
        CodeBlock javadoc = CodeBlock.builder()
                .add("The Hessian of {@link $T#$N} with respect to {@code $N} applied to {@code $N}, without forming\n"
                        + "the Hessian: the derivative of the gradient along {@code $N}, at about the cost of one more\n"
                        + "gradient. Shaped like {@code $N}$L.\n", original, function.name(), x.name(), v.name(), v.name(),
                        x.name(), x.shape().isColumnVector() ? "" : " (for a matrix, H vec(v) is the vec of the result)")
                .add(wrtByDefaultNote(x))
                .add("\n<pre>\n$L$LH $N = $L\n</pre>\n\n", derivation.definition(), derivation.gradientLine(x), v.name(),
                        derivation.format(hv))
                .add("@param $N the direction, shaped like {@code $N}\n", v.name(), x.name())
                .add(throwsClause())
                .build();
        List<Expr.Variable> inputs = new ArrayList<>(function.parameters());
        inputs.add(v);
        reserved.add(v.name());
        String workspaceName = Names.derivative("hessVec", x.name());
        return new Operation(staticName(workspaceName), workspaceName, inputs,
                List.of(new Expr.Variable(output, x.shape())), 1, List.of(computed), computed, javadoc);
    }

    private String staticName(String workspaceName) {
        return Names.staticMethod(function.name(), workspaceName);
    }

    private static String vecNote(Expr.Variable x) {
        return x.shape().isMatrix() && !x.shape().isColumnVector()
                ? "; for the matrix " + x.name() + ", with respect to vec(" + x.name() + "), its columns stacked"
                : "";
    }

    /** {@code J = ...}, or for a derivative assembled direction by direction, how. */
    private CodeBlock derivativeLine(String symbol, Expr.Variable x, Derivation.Derivative d) {
        if (d.sweep() == null) {
            return CodeBlock.of("$L = $L\n", symbol, derivation.format(d.value()));
        }
        return CodeBlock.of("$L e = $L, for each unit direction e of vec($L)\n",
                d.sweep().rows() ? symbol + "ᵀ" : symbol, derivation.format(d.value()), x.name());
    }

    /** The function itself, allocation-free; its static twin is the annotated method. */
    private Operation value() {
        // a vector function's value is written into a matrix the caller passes
        boolean matrix = !function.isScalar();
        Output value = new Output(Names.avoiding("value", reserved), derivation.value, matrix);
        List<Expr.Variable> outputs = matrix ? List.of(new Expr.Variable(value.name(), derivation.value.shape())) : List.of();
        return new Operation(null, "value", function.parameters(), outputs, 0, List.of(value), value, CodeBlock.of(""));
    }

    private Operation gradient(Expr.Variable x) {
        String workspaceName = Names.derivative("grad", x.name());
        String output = Names.avoiding(workspaceName, reserved);
        boolean matrix = x.shape().isMatrix();
        Output gradient = new Output(output, derivation.gradients.get(x.name()), matrix);
        CodeBlock javadoc = CodeBlock.builder()
                .add("The gradient of {@link $T#$N} with respect to {@code $N}, shaped like {@code $N}\n",
                        original, function.name(), x.name(), x.name())
                .add(matrix
                        ? CodeBlock.of("(denominator layout: entry ij is ∂f/∂$N<sub>ij</sub>).\n", x.name())
                        : CodeBlock.of("(a double).\n"))
                .add(wrtByDefaultNote(x))
                .add("\n<pre>\n$L$L</pre>\n\n", derivation.definition(), derivation.gradientLine(x))
                .add(throwsClause())
                .build();
        List<Expr.Variable> outputs = matrix ? List.of(new Expr.Variable(output, x.shape())) : List.of();
        return new Operation(staticName(workspaceName), workspaceName, function.parameters(), outputs, outputs.size(),
                List.of(gradient), gradient, javadoc);
    }

    private Operation valueAndGradient() {
        Set<String> taken = new HashSet<>(reserved);
        Output value = new Output(Names.avoiding("value", taken), derivation.value, false);
        taken.add(value.name());
        List<Output> computes = new ArrayList<>(List.of(value));
        List<Expr.Variable> outputs = new ArrayList<>();
        CodeBlock.Builder formulas = CodeBlock.builder().add(derivation.definition());
        CodeBlock.Builder params = CodeBlock.builder();
        for (Expr.Variable x : function.wrt()) {
            if (x.shape().isScalar()) {
                continue;
            }
            String name = Names.avoiding(Names.derivative("grad", x.name()), taken);
            taken.add(name);
            computes.add(new Output(name, derivation.gradients.get(x.name()), true));
            outputs.add(new Expr.Variable(name, x.shape()));
            formulas.add(derivation.gradientLine(x));
            params.add("@param $N receives ∂f/∂$N; reshaped to the shape of {@code $N}\n", name, x.name(), x.name());
        }
        CodeBlock javadoc = CodeBlock.builder()
                .add("The value of {@link $T#$N} and its gradients, computed together: what the value and the\n"
                        + "gradients share is computed once.\n", original, function.name())
                .add(function.wrtByDefault() ? wrtByDefaultNote(function.wrt().get(0)) : CodeBlock.of(""))
                .add("\n<pre>\n$L</pre>\n\n", formulas.build())
                .add(params.build())
                .add("@return f\n")
                .add(throwsClause())
                .build();
        return new Operation(staticName("valueAndGrad"), "valueAndGrad", function.parameters(), outputs, 0,
                computes, value, javadoc);
    }

    /**
     * Says which parameter a derivative is taken with respect to when the annotation names none: the
     * first, which surprises a user whose first parameter is data.
     */
    private CodeBlock wrtByDefaultNote(Expr.Variable x) {
        return function.wrtByDefault()
                ? CodeBlock.of("\n<p>With respect to {@code $N}, the first parameter: {@code @Differentiable} names no {@code wrt}\n"
                        + "(list the parameters to differentiate with respect to in {@code wrt} to choose others).\n", x.name())
                : CodeBlock.of("");
    }

    private CodeBlock throwsClause() {
        return function.requirements().isEmpty() ? CodeBlock.of("")
                : CodeBlock.of("@throws IllegalArgumentException if the arguments' dimensions do not fit together\n");
    }

    // ---------------------------------------------------------------- writing

    /** The matrix parameters the dimension checks read, in declaration order. */
    private List<Expr.Variable> checkedParameters() {
        Set<String> read = new HashSet<>();
        for (DimRequirement r : function.requirements()) {
            read.add(r.dim().matrix());
            if (r.equals() instanceof Dim.Axis other) {
                read.add(other.matrix());
            }
        }
        return function.parameters().stream().filter(p -> read.contains(p.name())).toList();
    }

    /** {@code checkDimensions(A, x, b)}: every dimension equality the formula needs, checked once per call. */
    private MethodSpec dimensionCheck() {
        MethodSpec.Builder method = MethodSpec.methodBuilder(CHECK_DIMENSIONS)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC);
        parameters(method, checkedParameters());
        String name = function.name();
        for (DimRequirement r : function.requirements()) {
            String rule = r.origin() + " needs " + r.dim() + " == " + r.equals();
            if (r.equals() instanceof Dim.Axis other) {
                method.addStatement("$T.requireDimension($L, $L, $S, $S, $S, $N, $S, $N)", Types.ARGUMENTS,
                        OperandWriter.dim(r.dim()), OperandWriter.dim(other), name, rule,
                        r.dim().matrix(), r.dim().matrix(), other.matrix(), other.matrix());
            } else {
                method.addStatement("$T.requireDimension($L, $L, $S, $S, $S, $N)", Types.ARGUMENTS,
                        OperandWriter.dim(r.dim()), OperandWriter.dim(r.equals()), name, rule,
                        r.dim().matrix(), r.dim().matrix());
            }
        }
        return method.build();
    }

    private TypeSpec workspaceClass(Iterable<Operand.Ref> temporaries, Set<String> factorizations,
            List<MethodSpec> methods) {
        TypeSpec.Builder type = TypeSpec.classBuilder(workspace)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Reusable storage for the derivatives of {@link $T#$N}: its methods compute what the static\n"
                        + "methods of the same name compute, into outputs the caller owns, and allocate nothing once\n"
                        + "its matrices have grown to the problem's size.\n"
                        + "\n<p>A workspace holds intermediate results between the statements of a call: confine each\n"
                        + "one to a single thread (one workspace per thread). The static methods are thread-safe.\n",
                        original, function.name());
        for (Operand.Ref t : temporaries) {
            type.addField(FieldSpec.builder(Types.MATRIX, t.name(), Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T(0, 0)", Types.MATRIX)
                    .build());
        }
        for (String f : factorizations) {
            type.addField(FieldSpec.builder(Types.FACTORIZATION, f, Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", Types.FACTORIZATION)
                    .build());
        }
        type.addMethods(methods);
        if (!function.requirements().isEmpty()) {
            type.addMethod(dimensionCheck());
        }
        return type.build();
    }

    /** The workspace's method for {@code op}, with {@code body}, the statements of {@code schedule}. */
    private MethodSpec workspaceMethod(Operation op, Schedule schedule, CodeBlock body) {
        Output returned = op.returned();
        MethodSpec.Builder method = MethodSpec.methodBuilder(op.workspaceName())
                .addModifiers(Modifier.PUBLIC)
                .returns(typeOf(returned.value()))
                .addJavadoc(op.staticName() == null
                        ? CodeBlock.of("The value of {@link $T#$N}, computed allocation-free.\n", original, function.name())
                        : CodeBlock.of("As {@link $T#$N}, into caller-owned outputs.\n",
                                workspace.enclosingClassName(), op.staticName()));
        parameters(method, op.inputs());
        parameters(method, op.outputs());
        method.addCode(checks(op));
        method.addCode(body);
        method.addStatement("return $L", OperandWriter.write(schedule.outputs().get(returned.name())));
        return method.build();
    }

    private MethodSpec staticMethod(Operation op) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(op.staticName())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc(op.javadoc())
                .returns(typeOf(op.returned().value()));
        List<Expr.Variable> passed = op.outputs().subList(0, op.outputs().size() - op.allocated());
        parameters(method, op.inputs());
        parameters(method, passed);
        List<CodeBlock> arguments = new ArrayList<>();
        op.inputs().forEach(p -> arguments.add(CodeBlock.of("$N", p.name())));
        passed.forEach(p -> arguments.add(CodeBlock.of("$N", p.name())));
        for (Expr.Variable out : op.outputs().subList(passed.size(), op.outputs().size())) {
            arguments.add(CodeBlock.of("new $T($L, $L)", Types.MATRIX, OperandWriter.dim(out.shape().rows()),
                    OperandWriter.dim(out.shape().cols())));
        }
        method.addStatement("return new $T().$N($L)", workspace, op.workspaceName(), CodeBlock.join(arguments, ", "));
        return method.build();
    }

    private static void parameters(MethodSpec.Builder method, List<Expr.Variable> variables) {
        for (Expr.Variable v : variables) {
            method.addParameter(typeOf(v), v.name());
        }
    }

    private static TypeName typeOf(Expr e) {
        return e.shape().isScalar() ? TypeName.DOUBLE : Types.MATRIX;
    }

    /** The argument checks: dimensions the formula needs, outputs distinct from inputs, outputs reshaped. */
    private CodeBlock checks(Operation op) {
        CodeBlock.Builder code = CodeBlock.builder();
        String name = function.name();
        if (!function.requirements().isEmpty()) {
            code.addStatement("$N($L)", CHECK_DIMENSIONS, names(checkedParameters()));
        }
        List<Expr.Variable> outputs = op.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            String out = outputs.get(i).name();
            List<Expr.Variable> others = new ArrayList<>(op.inputs());
            others.addAll(outputs.subList(0, i));
            for (Expr.Variable other : others) {
                if (other.shape().isMatrix()) {
                    code.addStatement("$T.requireDistinct($N, $N, $S, $S, $S)", Types.ARGUMENTS, out, other.name(),
                            name, out, other.name());
                }
            }
        }
        for (Expr.Variable out : outputs) {
            code.addStatement("$N.reshape($L, $L)", out.name(), OperandWriter.dim(out.shape().rows()),
                    OperandWriter.dim(out.shape().cols()));
        }
        return code.build();
    }

    static String names(List<Expr.Variable> variables) {
        return variables.stream().map(Expr.Variable::name).collect(Collectors.joining(", "));
    }
}
