package io.matgrad.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.matgrad.processor.diff.Derivation;
import io.matgrad.processor.ir.Binding;
import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.DimRequirement;
import io.matgrad.processor.ir.LeastSize;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.opt.Operand;
import io.matgrad.processor.opt.Output;
import io.matgrad.processor.opt.Program;
import io.matgrad.processor.opt.Schedule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the generated code of one function from its program: a workspace class,
 * {@code <Name>Workspace}, whose instance methods compute the value and the derivatives into
 * caller-owned outputs and keep their temporaries as fields, so that repeated calls allocate
 * nothing; and the contract's static methods ({@code nameGradX}, {@code nameValueAndGrad}), which
 * allocate a workspace and call it. It only writes: what the methods compute and how was decided
 * by the stages before.
 */
final class FunctionWriter {
    private final Program program;
    private final Derivation derivation;
    private final Function function;
    private final ClassName original;
    private final ClassName workspace;
    /** The parameters' names in workspace code (those of {@code function}) and the user's. */
    private final JavaNames javaNames;

    private FunctionWriter(Program program, ClassName original, ClassName gradients, String workspace,
            JavaNames javaNames) {
        this.program = program;
        this.derivation = program.derivation();
        this.function = derivation.function();
        this.original = original;
        this.workspace = gradients.nestedClass(workspace);
        this.javaNames = javaNames;
    }

    /**
     * The generated code for {@code program}, of a function declared in {@code original}, generated
     * into {@code gradients}, with its workspace class named {@code workspace}.
     */
    static GeneratedFunction write(Program program, ClassName original, ClassName gradients, String workspace,
            JavaNames javaNames) {
        return new FunctionWriter(program, original, gradients, workspace, javaNames).write();
    }

    private GeneratedFunction write() {
        List<FunctionReport.Method> reported = new ArrayList<>();
        Map<String, Operand.Ref> fields = new LinkedHashMap<>();
        Set<String> factorizations = new LinkedHashSet<>();
        List<MethodSpec> workspaceMethods = new ArrayList<>();
        List<MethodSpec> staticMethods = new ArrayList<>();
        for (Program.Method op : program.methods()) {
            Schedule schedule = op.schedule();
            schedule.temporaries().forEach(t -> fields.putIfAbsent(t.name(), t));
            factorizations.addAll(schedule.factorizations());
            CodeBlock body = BodyWriter.write(schedule, derivation.localNames(), function.name());
            workspaceMethods.add(workspaceMethod(op, body));
            reported.add(new FunctionReport.Method(op.staticName() != null ? op.staticName() : op.workspaceName(),
                    readable(body)));
            if (op.staticName() != null) {
                staticMethods.add(staticMethod(op));
            }
        }
        Function external = javaNames.external(function);
        String signature = function.name() + "(" + names(external.parameters()) + ")";
        FunctionReport report = new FunctionReport(signature, formulas(), reported);
        return new GeneratedFunction(staticMethods, workspaceClass(fields.values(), factorizations, workspaceMethods),
                program.declaredNames(), report, external);
    }

    /** The function and every derivative, in math notation, for the report. */
    private List<String> formulas() {
        List<String> lines = new ArrayList<>(definition().toString().lines().toList());
        derivation.gradients().keySet().forEach(x -> lines.add(gradientLine(function.parameter(x)).toString().strip()));
        derivation.jacobians().forEach((x, j) ->
                lines.add(derivativeLine("∂f/∂" + user(x) + "ᵀ", function.parameter(x), j).toString().strip()));
        derivation.hessians().forEach((x, h) ->
                lines.add(derivativeLine("∂²f/∂" + user(x) + "²", function.parameter(x), h).toString().strip()));
        derivation.hessianVectorProducts().forEach((x, hv) ->
                lines.add("∂²f/∂" + user(x) + "² " + derivation.directionName() + " = " + format(hv)));
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

    // ---------------------------------------------------------------- documentation

    /** {@code f(A, x, b) = ‖r‖²} and a line per local, {@code r = Ax − b}. */
    private CodeBlock definition() {
        String arguments = function.parameters().stream().map(p -> user(p.name())).collect(Collectors.joining(", "));
        CodeBlock.Builder lines = CodeBlock.builder()
                .add("f($L) = $L\n", arguments, format(derivation.value()));
        for (Binding local : derivation.namedLocals()) {
            Map<Expr, String> others = new IdentityHashMap<>(derivation.localNames());
            others.remove(local.value());
            lines.add("    $L = $L\n", local.name(), Notation.format(local.value(), withUserNames(local.value(), others)));
        }
        return lines.build();
    }

    /** {@code ∂f/∂x = 2 Aᵀr}. */
    private CodeBlock gradientLine(Expr.Variable x) {
        return CodeBlock.of("∂f/∂$L = $L\n", user(x.name()), format(derivation.gradients().get(x.name())));
    }

    /** {@code e} in math notation, with the user's names. */
    private String format(Expr e) {
        return Notation.format(e, withUserNames(e, derivation.localNames()));
    }

    /** {@code names} (identity keys), and each parameter of {@code e} that workspace code renamed by the user's name. */
    private Map<Expr, String> withUserNames(Expr e, Map<Expr, String> names) {
        if (javaNames.isIdentity()) {
            return names;
        }
        Map<Expr, String> all = new IdentityHashMap<>(names);
        for (Expr node : Dag.postOrder(List.of(e))) {
            if (node instanceof Expr.Variable v && !user(v.name()).equals(v.name())) {
                all.put(v, user(v.name()));
            }
        }
        return all;
    }

    /** The user's name of a parameter of {@code function} (any other name as it is). */
    private String user(String name) {
        return javaNames.user(name);
    }

    /** The static method's documentation. */
    private CodeBlock javadoc(Program.Method op) {
        return switch (op.kind()) {
            case VALUE -> CodeBlock.of("");
            case GRADIENT -> gradientJavadoc(op.x());
            case VALUE_AND_GRADIENT -> valueAndGradientJavadoc(op);
            case JACOBIAN -> jacobianJavadoc(op.x());
            case HESSIAN -> hessianJavadoc(op.x());
            case HESSIAN_VECTOR_PRODUCT -> hessianVectorProductJavadoc(op.x());
        };
    }

    private CodeBlock gradientJavadoc(Expr.Variable x) {
        return CodeBlock.builder()
                .add("The gradient of {@link $T#$N} with respect to {@code $N}, shaped like {@code $N}\n",
                        original, function.name(), user(x.name()), user(x.name()))
                .add(x.shape().isMatrix()
                        ? CodeBlock.of("(denominator layout: entry ij is ∂f/∂$N<sub>ij</sub>).\n", user(x.name()))
                        : CodeBlock.of("(a double).\n"))
                .add(wrtByDefaultNote(x))
                .add("\n<pre>\n$L$L</pre>\n\n", definition(), gradientLine(x))
                .add(throwsClause())
                .build();
    }

    private CodeBlock valueAndGradientJavadoc(Program.Method op) {
        CodeBlock.Builder formulas = CodeBlock.builder().add(definition());
        CodeBlock.Builder params = CodeBlock.builder();
        List<Expr.Variable> matrices = function.wrt().stream().filter(x -> x.shape().isMatrix()).toList();
        for (int i = 0; i < matrices.size(); i++) {
            Expr.Variable x = matrices.get(i);
            formulas.add(gradientLine(x));
            params.add("@param $N receives ∂f/∂$N; reshaped to the shape of {@code $N}\n", op.outputs().get(i).name(),
                    user(x.name()), user(x.name()));
        }
        return CodeBlock.builder()
                .add("The value of {@link $T#$N} and its gradients, computed together: what the value and the\n"
                        + "gradients share is computed once.\n", original, function.name())
                .add(function.wrtByDefault() ? wrtByDefaultNote(function.wrt().get(0)) : CodeBlock.of(""))
                .add("\n<pre>\n$L</pre>\n\n", formulas.build())
                .add(params.build())
                .add("@return f\n")
                .add(throwsClause())
                .build();
    }

    private CodeBlock jacobianJavadoc(Expr.Variable x) {
        Derivation.Derivative j = derivation.jacobians().get(x.name());
        String layout = function.denominatorLayout()
                ? "denominator layout, ∂fᵀ/∂x: entry ij is ∂f<sub>j</sub>/∂x<sub>i</sub>"
                : "numerator layout, ∂f/∂xᵀ: entry ij is ∂f<sub>i</sub>/∂x<sub>j</sub>";
        return CodeBlock.builder()
                .add("The Jacobian of {@link $T#$N} with respect to {@code $N} ($L$L).\n", original, function.name(),
                        user(x.name()), layout, vecNote(x))
                .add(wrtByDefaultNote(x))
                .add("\n<pre>\n$L$L</pre>\n\n", definition(), derivativeLine("J", x, j))
                .add(throwsClause())
                .build();
    }

    private CodeBlock hessianJavadoc(Expr.Variable x) {
        Derivation.Derivative h = derivation.hessians().get(x.name());
        return CodeBlock.builder()
                .add("The Hessian of {@link $T#$N} with respect to {@code $N}: entry ij is ∂²f/∂$N<sub>i</sub>∂$N<sub>j</sub>$L.\n",
                        original, function.name(), user(x.name()), user(x.name()), user(x.name()), vecNote(x))
                .add(wrtByDefaultNote(x))
                .add("\n<pre>\n$L$L$L</pre>\n\n", definition(), gradientLine(x), derivativeLine("H", x, h))
                .add(throwsClause())
                .build();
    }

    private CodeBlock hessianVectorProductJavadoc(Expr.Variable x) {
        Expr hv = derivation.hessianVectorProducts().get(x.name());
        String v = derivation.directionName();
        return CodeBlock.builder()
                .add("The Hessian of {@link $T#$N} with respect to {@code $N} applied to {@code $N}, without forming\n"
                        + "the Hessian: the derivative of the gradient along {@code $N}, at about the cost of one more\n"
                        + "gradient. Shaped like {@code $N}$L.\n", original, function.name(), user(x.name()), v, v,
                        user(x.name()), x.shape().isColumnVector() ? "" : " (for a matrix, H vec(v) is the vec of the result)")
                .add(wrtByDefaultNote(x))
                .add("\n<pre>\n$L$LH $N = $L\n</pre>\n\n", definition(), gradientLine(x), v, format(hv))
                .add("@param $N the direction, shaped like {@code $N}\n", v, user(x.name()))
                .add(throwsClause())
                .build();
    }

    private String vecNote(Expr.Variable x) {
        return x.shape().isMatrix() && !x.shape().isColumnVector()
                ? "; for the matrix " + user(x.name()) + ", with respect to vec(" + user(x.name()) + "), its columns stacked"
                : "";
    }

    /** {@code J = ...}, or for a derivative assembled direction by direction, how. */
    private CodeBlock derivativeLine(String symbol, Expr.Variable x, Derivation.Derivative d) {
        if (d.sweep() == null) {
            return CodeBlock.of("$L = $L\n", symbol, format(d.value()));
        }
        return CodeBlock.of("$L e = $L, for each unit direction e of vec($L)\n",
                d.sweep().rows() ? symbol + "ᵀ" : symbol, format(d.value()), user(x.name()));
    }

    /**
     * Says which parameter a derivative is taken with respect to when the annotation names none: the
     * first, which surprises a user whose first parameter is data.
     */
    private CodeBlock wrtByDefaultNote(Expr.Variable x) {
        return function.wrtByDefault()
                ? CodeBlock.of("\n<p>With respect to {@code $N}, the first parameter: {@code @Differentiable} names no {@code wrt}\n"
                        + "(list the parameters to differentiate with respect to in {@code wrt} to choose others).\n", user(x.name()))
                : CodeBlock.of("");
    }

    private CodeBlock throwsClause() {
        return !checksDimensions() ? CodeBlock.of("")
                : CodeBlock.of("@throws IllegalArgumentException if the arguments' dimensions do not fit together\n");
    }

    // ---------------------------------------------------------------- writing

    /** Whether the generated methods check the arguments' dimensions on entry. */
    private boolean checksDimensions() {
        return !function.requirements().isEmpty() || !function.leastSizes().isEmpty();
    }

    /** The matrix parameters the dimension checks read, in declaration order. */
    private List<Expr.Variable> checkedParameters() {
        Set<String> read = new HashSet<>();
        for (DimRequirement r : function.requirements()) {
            read.add(r.dim().matrix());
            read.addAll(r.equals().matrices());
        }
        for (LeastSize l : function.leastSizes()) {
            read.addAll(l.dim().matrices());
        }
        return function.parameters().stream().filter(p -> read.contains(p.name())).toList();
    }

    /** {@code checkDimensions(A, x, b)}: every dimension equality the formula needs, checked once per call. */
    private MethodSpec dimensionCheck() {
        MethodSpec.Builder method = MethodSpec.methodBuilder(Program.CHECK_DIMENSIONS)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC);
        parameters(method, checkedParameters());
        String name = function.name();
        for (DimRequirement r : function.requirements()) {
            // the message says the user's names, the code the workspace's
            String rule = r.origin() + " needs " + javaNames.user(r.dim()) + " == " + javaNames.user(r.equals());
            if (r.equals() instanceof Dim.Axis other) {
                method.addStatement("$T.requireDimension($L, $L, $S, $S, $S, $N, $S, $N)", Types.ARGUMENTS,
                        OperandWriter.dim(r.dim()), OperandWriter.dim(other), name, rule,
                        user(r.dim().matrix()), r.dim().matrix(), user(other.matrix()), other.matrix());
            } else {
                method.addStatement("$T.requireDimension($L, $L, $S, $S, $S, $N)", Types.ARGUMENTS,
                        OperandWriter.dim(r.dim()), OperandWriter.dim(r.equals()), name, rule,
                        user(r.dim().matrix()), r.dim().matrix());
            }
        }
        for (LeastSize l : function.leastSizes()) {
            // a least size of a matrix's own dimension names that matrix; of a composite, its first
            String matrix = l.dim().matrices().iterator().next();
            method.addStatement("$T.requireAtLeast($L, $L, $S, $S, $S, $N)", Types.ARGUMENTS, OperandWriter.dim(l.dim()),
                    l.size(), name, l.origin() + " needs " + l.dim() + " >= " + l.size(), matrix, matrix);
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
        if (checksDimensions()) {
            type.addMethod(dimensionCheck());
        }
        return type.build();
    }

    /** The workspace's method for {@code op}, with {@code body}, the statements of its schedule. */
    private MethodSpec workspaceMethod(Program.Method op, CodeBlock body) {
        Schedule schedule = op.schedule();
        Output returned = op.returned();
        MethodSpec.Builder method = MethodSpec.methodBuilder(op.workspaceName())
                .addModifiers(Modifier.PUBLIC)
                .returns(typeOf(returned.value()))
                .addJavadoc(op.staticName() == null
                        ? CodeBlock.of("The value of {@link $T#$N}, computed allocation-free.\n", original, function.name())
                        : CodeBlock.of("As {@link $T#$N}, into caller-owned outputs.\n",
                                workspace.enclosingClassName(), op.staticName()));
        List<Expr.Variable> renamed = op.inputs().stream().filter(p -> !user(p.name()).equals(p.name())).toList();
        if (!renamed.isEmpty()) {
            method.addJavadoc("\n");
        }
        for (Expr.Variable p : renamed) {
            String user = user(p.name());
            method.addJavadoc("@param $N the parameter {@code $N} of {@link $T#$N}$L\n", p.name(), user, original,
                    function.name(), JavaNames.obscurable().contains(user)
                            ? CodeBlock.of(" (a variable named {@code $N} would hide\n    the class or package of that name from this method's code)", user)
                            : CodeBlock.of(" (its name is another parameter's here)"));
        }
        parameters(method, op.inputs());
        parameters(method, op.outputs());
        method.addCode(checks(op));
        method.addCode(body);
        method.addStatement("return $L", OperandWriter.write(schedule.outputs().get(returned.name())));
        return method.build();
    }

    private MethodSpec staticMethod(Program.Method op) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(op.staticName())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc(javadoc(op))
                .returns(typeOf(op.returned().value()));
        List<Expr.Variable> passed = op.outputs().subList(0, op.outputs().size() - op.allocated());
        // the contract's names: the body names no class where a variable could obscure it
        List<Expr.Variable> inputs = op.inputs().stream().map(p -> new Expr.Variable(user(p.name()), p.shape())).toList();
        parameters(method, inputs);
        parameters(method, passed);
        List<CodeBlock> arguments = new ArrayList<>();
        inputs.forEach(p -> arguments.add(CodeBlock.of("$N", p.name())));
        passed.forEach(p -> arguments.add(CodeBlock.of("$N", p.name())));
        for (Expr.Variable out : op.outputs().subList(passed.size(), op.outputs().size())) {
            arguments.add(CodeBlock.of("new $T($L, $L)", Types.MATRIX, OperandWriter.dim(javaNames.user(out.shape().rows())),
                    OperandWriter.dim(javaNames.user(out.shape().cols()))));
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
    private CodeBlock checks(Program.Method op) {
        CodeBlock.Builder code = CodeBlock.builder();
        String name = function.name();
        if (checksDimensions()) {
            code.addStatement("$N($L)", Program.CHECK_DIMENSIONS, names(checkedParameters()));
        }
        List<Expr.Variable> outputs = op.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            String out = outputs.get(i).name();
            List<Expr.Variable> others = new ArrayList<>(op.inputs());
            others.addAll(outputs.subList(0, i));
            for (Expr.Variable other : others) {
                if (other.shape().isMatrix()) {
                    code.addStatement("$T.requireDistinct($N, $N, $S, $S, $S)", Types.ARGUMENTS, out, other.name(),
                            name, out, user(other.name()));
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
