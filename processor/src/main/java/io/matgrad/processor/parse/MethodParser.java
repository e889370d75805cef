package io.matgrad.processor.parse;

import static java.util.function.Function.identity;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.InternalErrors;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.ir.Binding;
import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.Shape;
import io.matgrad.processor.ir.ShapeCheck;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The parse stage: reads a {@code @Differentiable} method's declaration and body (through the
 * Compiler Tree API) into a {@link Function} of the IR, with inferred shapes in canonical
 * dimensions.
 *
 * <p>Every error of a method is reported in one compile, at the tree at fault. Errors that javac
 * itself reports (unknown names, wrong argument types, a missing return) get no message of ours.
 * Names are resolved from the model, as Java would, and never through javac's attribution, which
 * has not run while processors do: asking for it early breaks other processors and references to
 * generated types.
 */
public final class MethodParser {
    private final Trees trees;
    private final Elements elements;
    private final Types types;
    private final ErrorReporter reporter;
    /** A missing matgrad-runtime is reported on the first method only. */
    private boolean missingRuntimeReported;
    /** See {@link #quiet()}; made once it is needed. */
    private MethodParser quiet;

    public MethodParser(Trees trees, Elements elements, Types types, ErrorReporter reporter) {
        this.trees = trees;
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
    }

    /**
     * Javac's tree API for {@code env}, which the parser needs; unwraps the environment that build
     * tools (Gradle, IntelliJ) wrap javac's in. Empty for compilers without the API (ECJ): report
     * {@link Message#NO_TREES} then.
     */
    public static Optional<Trees> trees(ProcessingEnvironment env) {
        return CompilerTrees.of(env);
    }

    /**
     * The function {@code method} defines; empty if it has an error, reported here or by javac.
     * Never throws: a failure of matgrad itself is reported as an internal error on the method.
     */
    public Optional<Function> parse(ExecutableElement method) {
        try {
            return parseOrReport(method, Optional.empty());
        } catch (RuntimeException | StackOverflowError e) {
            reporter.error(Message.INTERNAL_ERROR, method, method.getSimpleName(), InternalErrors.describe(e));
            return Optional.empty();
        }
    }

    /**
     * {@code callee} parsed on its own, as its own parse does, for the parse of a method that calls
     * it: empty if it has an error, which its own parse reports. On a parser whose reporter is
     * {@link Callees#silentReporter}.
     */
    Optional<Function> parseAlone(ExecutableElement callee, Callees callees) {
        try {
            return parseOrReport(callee, Optional.of(callees));
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty(); // its own parse reports it as an internal error
        }
    }

    /**
     * @param callees the calls the parse of another method has followed, if {@code method} is parsed
     *     on its own for that parse; empty for the parse of {@code method} itself
     */
    private Optional<Function> parseOrReport(ExecutableElement method, Optional<Callees> callees) {
        ErrorReporter.Mark mark = reporter.mark();
        KnownTypes known = KnownTypes.lookUp(elements, types);
        Optional<String> missing = known.missing();
        if (missing.isPresent()) {
            // Once per compilation: every method would repeat it, and nothing else matgrad could say
            // about a body whose types do not exist is worth reading.
            if (!missingRuntimeReported) {
                missingRuntimeReported = true;
                reporter.error(Message.MISSING_RUNTIME, method, missing.get());
            }
            return Optional.empty();
        }
        Signature signature = new SignatureValidator(known, reporter).validate(method);
        TreePath path = trees.getPath(method);
        if (path == null || !(path.getLeaf() instanceof MethodTree tree)) {
            reporter.error(Message.INTERNAL_ERROR, method, method.getSimpleName(), "javac has no source tree for it");
            return Optional.empty();
        }
        if (tree.getBody() == null) {
            return Optional.empty(); // reported with the signature, or javac's "missing method body"
        }
        CallContext calls = callees.map(CallContext::alone).orElseGet(() -> CallContext.top(
                new Callees(method, trees, quiet(), quiet().reporter), parameterNames(tree), localNames(tree)));
        ParseContext cx = context(method, path.getCompilationUnit(), known, new DimensionSolver(), calls);
        boolean distinctNames = declareParameters(cx, signature);
        // Declared shapes first: the body is then checked against them, at its expressions.
        ShapeAnnotations.declare(method, signature.kinds(), cx.dims, reporter);
        Optional<BodyTranslator.Body> body = new BodyTranslator(cx, signature.returnKind()).translate(tree.getBody());
        if (body.isEmpty() || !signature.isComplete() || !distinctNames || reporter.errorReportedSince(mark)) {
            return Optional.empty();
        }
        Function function = function(method, signature, body.get(), cx.dims, calls);
        warnAboutConstantWrt(method, function);
        return Optional.of(function);
    }

    /**
     * Warns about a {@code wrt} parameter the result does not depend on: its gradient is zero
     * everywhere, which is rarely what was meant (a parameter left out of the formula, or the wrong
     * one named), and a silent zero is the hardest wrong answer to notice.
     */
    private void warnAboutConstantWrt(ExecutableElement method, Function function) {
        Optional<AnnotationMirror> annotation = KnownTypes.differentiable(method);
        for (Expr.Variable x : function.wrt()) {
            if (Dag.dependsOn(function.result(), Set.of(x.name()), new IdentityHashMap<>())) {
                continue;
            }
            Optional<AnnotationValue> value = annotation.flatMap(a -> SignatureValidator.wrtValue(a, x.name()));
            if (value.isPresent()) {
                reporter.warning(Message.CONSTANT_IN_WRT, method, annotation.get(), value.get(), method.getSimpleName(),
                        x.name(), x.name());
            } else {
                reporter.warning(Message.CONSTANT_IN_WRT, method, method.getSimpleName(), x.name(), x.name());
            }
        }
    }

    /** A parser like this one that reports nothing: for the methods a parse reads in place of calls. */
    private MethodParser quiet() {
        if (quiet == null) {
            quiet = new MethodParser(trees, elements, types, Callees.silentReporter());
        }
        return quiet;
    }

    private static List<String> parameterNames(MethodTree method) {
        return method.getParameters().stream().map(p -> p.getName().toString()).toList();
    }

    /** The names of the locals {@code method}'s body declares. */
    private static List<String> localNames(MethodTree method) {
        List<String> names = new ArrayList<>();
        for (StatementTree statement : method.getBody().getStatements()) {
            if (statement instanceof VariableTree local) {
                names.add(local.getName().toString());
            }
        }
        return names;
    }

    /**
     * The context to translate the body of {@code method}, declared in {@code unit}, in: with
     * {@code dims} its shapes are inferred in, the caller's for a body read in place of a call.
     */
    ParseContext context(ExecutableElement method, CompilationUnitTree unit, KnownTypes known, DimensionSolver dims,
            CallContext calls) {
        List<TypeElement> enclosing = enclosingClasses(method);
        Imports imports = Imports.of(unit);
        String packageName = elements.getPackageOf(method).getQualifiedName().toString();
        TypeNames typeNames = new TypeNames(elements, imports, packageName, enclosing);
        Members members = new Members(elements, typeNames, imports, enclosing);
        return new ParseContext(method, unit, new SourceText(trees, unit), reporter, known, typeNames, members,
                new Overloads(types, known), dims, calls);
    }

    /** The classes {@code method} is declared in, innermost first. */
    private static List<TypeElement> enclosingClasses(ExecutableElement method) {
        List<TypeElement> classes = new ArrayList<>();
        for (Element e = method.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
            if (e instanceof TypeElement type) {
                classes.add(type);
            }
        }
        return classes;
    }

    /**
     * Puts the parameters in scope, each with its own dimensions, in declaration order; false if two
     * share a name (javac's error).
     */
    private static boolean declareParameters(ParseContext cx, Signature signature) {
        boolean distinct = true;
        for (Signature.Parameter p : signature.parameters()) {
            Optional<Term> value = p.kind().map(kind -> new Term(variable(p.name(), kind), kind));
            if (p.kind().equals(Optional.of(Kind.MATRIX))) {
                cx.dims.declareMatrix(p.name());
            }
            distinct &= cx.locals.declare(new Locals.Symbol(p.name(), Locals.Role.PARAMETER, value));
        }
        return distinct;
    }

    private static Expr.Variable variable(String name, Kind kind) {
        return new Expr.Variable(name, kind == Kind.MATRIX ? Shape.ofParameter(name) : Shape.SCALAR);
    }

    /** The function, in canonical dimensions and interned. */
    private static Function function(ExecutableElement method, Signature signature, BodyTranslator.Body body,
            DimensionSolver dims, CallContext calls) {
        Canonicalizer canonical = new Canonicalizer(dims);
        List<Expr.Variable> parameters = signature.parameters().stream()
                .map(p -> (Expr.Variable) canonical.apply(variable(p.name(), p.kind().orElseThrow())))
                .toList();
        List<Binding> locals = calls.preferringOwnNames(body.locals().stream()
                .map(b -> new Binding(b.name(), canonical.apply(b.value())))
                .toList());
        Expr result = canonical.apply(body.result().expr());
        ShapeCheck.verify(result);
        locals.forEach(b -> ShapeCheck.verify(b.value()));
        Map<String, Expr.Variable> byName = parameters.stream()
                .collect(Collectors.toMap(Expr.Variable::name, identity()));
        List<Expr.Variable> wrt = signature.wrt().stream().map(byName::get).toList();
        // wrt by default: the annotation names none, so the one wrt parameter is named by no value of it
        boolean wrtByDefault = wrt.size() == 1 && KnownTypes.differentiable(method)
                .flatMap(a -> SignatureValidator.wrtValue(a, wrt.get(0).name())).isEmpty();
        return new Function(method.getSimpleName().toString(), parameters, locals, result, dims.requirements(), wrt,
                signature.hessian(), signature.denominatorLayout(), wrtByDefault, dims.leastSizes());
    }
}
