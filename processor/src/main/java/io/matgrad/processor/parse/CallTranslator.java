package io.matgrad.processor.parse;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.diag.Suggestions;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Equality;
import io.matgrad.processor.ir.Shape;
import io.matgrad.processor.ir.ShapeRules;
import io.matgrad.processor.lang.Entry;
import io.matgrad.processor.lang.Language;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;

/**
 * Translates a method call: resolves it as Java would (the candidates a name denotes in scope, then
 * overload resolution by argument kinds), and accepts it only if it resolved to a function of the
 * language, of {@code io.matgrad.runtime.MatrixOps} or {@code java.lang.Math}, never by name
 * alone, or to another {@code @Differentiable} method, whose formula the {@link Inliner} puts in
 * place of the call. A call javac will reject (no such method, no applicable overload, an instance
 * method from a static context) gets no message of ours.
 *
 * <p>A call whose every candidate is outside the language is reported as a whole, without
 * translating its arguments: {@code CommonOps_DDRM.mult(A, x, null)} is one error, not one for the
 * call and one for its {@code null}. Such a call needs only the number of its arguments to be sure
 * javac accepts it.
 */
final class CallTranslator {
    private final ParseContext cx;
    private final ExpressionTranslator expressions;

    CallTranslator(ParseContext cx, ExpressionTranslator expressions) {
        this.cx = cx;
        this.expressions = expressions;
    }

    Optional<Term> translate(MethodInvocationTree call) {
        ExpressionTree callee = call.getMethodSelect();
        if (callee instanceof IdentifierTree id) {
            List<ExecutableElement> candidates = cx.members.methods(id.getName().toString());
            return resolve(call, candidates, cx.isStaticMethod(), true);
        }
        if (callee instanceof MemberSelectTree select) {
            NameResolver.Meaning qualifier = cx.names.classify(select.getExpression());
            String name = select.getIdentifier().toString();
            if (qualifier instanceof NameResolver.Type t) {
                return resolve(call, cx.members.methods(t.type(), name, false), true, false);
            }
            if (qualifier instanceof NameResolver.Value v) {
                return onValue(call, v.tree(), name);
            }
        }
        translateArguments(call); // the callee is javac's error; the arguments may have errors of their own
        return Optional.empty();
    }

    /**
     * {@code receiver.name(...)}: a method of an object in a field ({@code System.out.println(s)}),
     * or of a matrix; none is in the language. Other receivers are javac's errors, or reported.
     */
    private Optional<Term> onValue(MethodInvocationTree call, ExpressionTree receiver, String name) {
        Optional<TypeElement> fieldType = cx.names.field(receiver)
                .map(f -> f.asType() instanceof DeclaredType d ? (TypeElement) d.asElement() : null)
                .filter(t -> !cx.known.isMatrixClass(t));
        if (fieldType.isPresent()) {
            return outsideLanguage(call, cx.members.methods(fieldType.get(), name, false), false, false);
        }
        Optional<Term> value = expressions.translate(receiver);
        Optional<TypeElement> matrixClass = cx.known.matrixClass();
        if (value.isEmpty() || value.get().kind() != Kind.MATRIX || matrixClass.isEmpty()) {
            return Optional.empty();
        }
        int arguments = call.getArguments().size();
        boolean exists = cx.members.methods(matrixClass.get(), name, false).stream()
                .anyMatch(m -> Overloads.acceptsCount(m, arguments));
        if (!exists) {
            return Optional.empty();
        }
        Expr matrix = value.get().expr();
        Shape shape = matrix.shape();
        switch (name + "/" + arguments) {
            case "getNumRows/0":
                return Optional.of(Extents.term(shape.rows()));
            case "getNumCols/0":
                return Optional.of(Extents.term(shape.cols()));
            case "getNumElements/0":
                return Optional.of(Extents.term(Dim.product(shape.rows(), shape.cols())));
            case "get/2":
                return entry(call, matrix);
            default:
                return cx.reject(Message.MATRIX_METHOD_CALL, call, cx.text(call), matrixMethodAdvice(name));
        }
    }

    /** {@code A.get(i, j)}: a differentiable entry, at indices known at compile time. */
    private Optional<Term> entry(MethodInvocationTree call, Expr matrix) {
        Optional<List<Term>> indices = translateArguments(call, Set.of(0, 1));
        if (indices.isEmpty()) {
            return Optional.empty();
        }
        for (Term index : indices.get()) {
            if (index.kind() != Kind.INT || !(index.expr() instanceof Expr.Constant)) {
                return cx.reject(Message.ARGUMENTS, call, cx.text(call),
                        "int indices known at compile time: int literals, constants, or int arithmetic on them");
            }
        }
        int i = (int) ((Expr.Constant) indices.get().get(0).expr()).value();
        int j = (int) ((Expr.Constant) indices.get().get(1).expr()).value();
        if (i < 0 || j < 0) {
            return cx.reject(Message.ARGUMENTS, call, cx.text(call), "indices of 0 or more, but they are " + i + ", " + j);
        }
        Expr.Call entry = new Expr.Call(new Entry(i, j), matrix);
        return cx.requireLeastSizes(entry, call) ? Optional.of(new Term(entry, Kind.DOUBLE)) : Optional.empty();
    }

    /**
     * A call whose candidates are known: picks the method as javac will and translates it.
     *
     * @param staticContext whether an instance method would be javac's error here
     */
    private Optional<Term> resolve(
            MethodInvocationTree call, List<ExecutableElement> candidates, boolean staticContext, boolean unqualified) {
        if (candidates.stream().noneMatch(m -> isLanguageFunction(m) || isDifferentiable(m))) {
            return outsideLanguage(call, candidates, staticContext, unqualified);
        }
        Optional<List<Term>> arguments = translateArguments(call, intPositions(call, candidates));
        if (arguments.isEmpty()) {
            return Optional.empty(); // an argument has its error; the call cannot be resolved without it
        }
        List<Kind> kinds = arguments.get().stream().map(Term::kind).toList();
        Optional<ExecutableElement> method = cx.overloads.select(candidates, kinds);
        if (method.isEmpty() || (staticContext && !Members.isStatic(method.get()))) {
            return Optional.empty();
        }
        if (!isLanguageFunction(method.get()) && isDifferentiable(method.get())) {
            return Inliner.inline(cx, call, method.get(), arguments.get()); // a helper: its formula in the call's place
        }
        List<Expr> operands = arguments.get().stream().map(Term::expr).toList();
        return invoke(call, method.get(), operands, unqualified);
    }

    private boolean isLanguageFunction(ExecutableElement m) {
        Element owner = m.getEnclosingElement();
        return cx.known.isMatrixOps(owner) || cx.known.isMath(owner);
    }

    /** A call of a method outside MatrixOps and Math: an error, unless javac has one for it. */
    private Optional<Term> outsideLanguage(
            MethodInvocationTree call, List<ExecutableElement> candidates, boolean staticContext, boolean unqualified) {
        int arguments = call.getArguments().size();
        List<ExecutableElement> callable = candidates.stream()
                .filter(m -> Overloads.acceptsCount(m, arguments) && (!staticContext || Members.isStatic(m)))
                .toList();
        if (callable.isEmpty()) {
            translateArguments(call);
            return Optional.empty();
        }
        return rejectCall(call, callable.get(0), unqualified);
    }

    /** Reports a call of {@code method}, a method outside the language. */
    private Optional<Term> rejectCall(MethodInvocationTree call, ExecutableElement method, boolean unqualified) {
        String name = method.getSimpleName().toString();
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String qualifiedName = owner.getSimpleName() + "." + name;
        return cx.reject(Message.UNSUPPORTED_CALL, call, cx.text(call), qualifiedName,
                callAdvice(method, unqualified));
    }

    private boolean isDifferentiable(ExecutableElement m) {
        return m.equals(cx.method) || KnownTypes.differentiable(m).isPresent();
    }

    /** The translated arguments, or empty if one has no translation (all are translated regardless). */
    private Optional<List<Term>> translateArguments(MethodInvocationTree call) {
        return translateArguments(call, Set.of());
    }

    /**
     * The translated arguments; those at {@code ints}, where every candidate takes an {@code int}
     * ({@code extract}'s bounds), may be int arithmetic on constants, computed as Java computes it.
     */
    private Optional<List<Term>> translateArguments(MethodInvocationTree call, Set<Integer> ints) {
        List<Term> terms = new ArrayList<>();
        boolean complete = true;
        List<? extends ExpressionTree> arguments = call.getArguments();
        for (int i = 0; i < arguments.size(); i++) {
            ExpressionTree argument = arguments.get(i);
            Optional<Term> t = ints.contains(i) ? expressions.translateInt(argument) : expressions.translate(argument);
            t.ifPresent(terms::add);
            complete &= t.isPresent();
        }
        return complete ? Optional.of(terms) : Optional.empty();
    }

    /** The positions where every candidate taking this many arguments has an {@code int} parameter. */
    private static Set<Integer> intPositions(MethodInvocationTree call, List<ExecutableElement> candidates) {
        int count = call.getArguments().size();
        List<ExecutableElement> applicable = candidates.stream().filter(m -> m.getParameters().size() == count).toList();
        Set<Integer> positions = new HashSet<>();
        for (int i = 0; i < count && !applicable.isEmpty(); i++) {
            int index = i;
            if (applicable.stream().allMatch(m -> m.getParameters().get(index).asType().getKind() == TypeKind.INT)) {
                positions.add(i);
            }
        }
        return positions;
    }

    /** The method overload resolution chose, usually of MatrixOps or Math. */
    private Optional<Term> invoke(MethodInvocationTree call, ExecutableElement method, List<Expr> operands, boolean unqualified) {
        if (!isLanguageFunction(method)) {
            return rejectCall(call, method, unqualified); // another static import won overload resolution
        }
        String name = method.getSimpleName().toString();
        Optional<List<Language.Type>> parameters = parameterTypes(method);
        if (cx.known.isMatrixOps(method.getEnclosingElement())) {
            return parameters.flatMap(p -> Language.find(Language.Library.MATRIX_OPS, name, p))
                    .map(f -> apply(f, call, operands))
                    .orElseGet(() -> cx.reject(Message.UNSUPPORTED_MATRIX_OPS, call, name));
        }
        Optional<Language.Function> function = parameters.flatMap(p -> Language.find(Language.Library.MATH, name, p));
        if (function.isPresent()) {
            return apply(function.get(), call, operands);
        }
        if (name.equals("random")) {
            return cx.reject(Message.MATH_RANDOM, call);
        }
        String suggestion = Suggestions.closest(name, Language.names(Language.Library.MATH))
                .filter(s -> !s.equals(name))
                .map(s -> "; did you mean Math." + s + "?")
                .orElse("");
        return cx.reject(Message.UNSUPPORTED_MATH_FUNCTION, call, name, suggestion);
    }

    /** The function's IR, requiring of the operands what its shape rule needs. */
    private Optional<Term> apply(Language.Function function, MethodInvocationTree call, List<Expr> operands) {
        Optional<String> problem = function.problem(operands);
        if (problem.isPresent()) {
            return cx.reject(Message.ARGUMENTS, call, cx.text(call), problem.get());
        }
        Expr result = function.apply(operands);
        for (Equality e : ShapeRules.requirements(result, operands)) {
            cx.require(e.left(), e.right(), call);
        }
        if (result instanceof Expr.Call c && !cx.requireLeastSizes(c, call)) {
            return Optional.empty();
        }
        return Optional.of(new Term(result, result.shape().isScalar() ? Kind.DOUBLE : Kind.MATRIX));
    }

    /** What to call instead of {@code method}. */
    private String callAdvice(ExecutableElement method, boolean unqualified) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String name = method.getSimpleName().toString();
        boolean isMatrixOpsName = Language.names(Language.Library.MATRIX_OPS).contains(name);
        if (unqualified && isMatrixOpsName && cx.typeNames.isEnclosing(owner)) {
            return "the class's own " + name + " hides MatrixOps." + name + " (a method of the class shadows static"
                    + " imports); rename it, or write MatrixOps." + name + "(...)";
        }
        Optional<String> same = Language.matrixOpsNameFor(name);
        if (same.isPresent()) {
            return "use MatrixOps." + same.get();
        }
        return Suggestions.closest(name, Language.names(Language.Library.MATRIX_OPS))
                .map(s -> "did you mean MatrixOps." + s + "?")
                .orElseGet(() -> couldBeDifferentiable(method)
                        ? "annotate it with @Differentiable, and matgrad differentiates through the call; or inline"
                                + " its formula here with MatrixOps functions"
                        : "inline its formula here with MatrixOps functions");
    }

    /**
     * Whether {@code method} could be a helper if it were {@code @Differentiable}: static, of the
     * language's types, and in this compilation.
     */
    private boolean couldBeDifferentiable(ExecutableElement method) {
        Optional<Kind> returned = cx.known.kindOf(method.getReturnType());
        boolean languageTypes = parameterTypes(method).isPresent()
                && returned.filter(k -> k == Kind.MATRIX || k == Kind.DOUBLE).isPresent();
        return Members.isStatic(method) && languageTypes && cx.calls.callees().source(method).isPresent();
    }

    private static String matrixMethodAdvice(String name) {
        return switch (name) {
            case "get", "unsafe_get", "getData" ->
                    "read an entry with get(i, j), its indices int constants";
            case "set", "unsafe_set", "fill", "zero", "reshape", "setTo", "setData", "add", "plus", "times",
                    "divide", "set_", "insertIntoThis" ->
                    "matrices are never modified: compute a new matrix with MatrixOps functions";
            case "copy", "createLike", "clone" -> "values are never modified, so use the matrix itself";
            default -> "use MatrixOps functions, such as mult, transpose or sum";
        };
    }

    /** The language's types of {@code method}'s parameters; empty if one is not a matrix or a double. */
    private Optional<List<Language.Type>> parameterTypes(ExecutableElement method) {
        List<Language.Type> types = new ArrayList<>();
        for (VariableElement p : method.getParameters()) {
            Optional<Kind> kind = cx.known.kindOf(p.asType());
            if (kind.isEmpty() || kind.get() == Kind.FLOAT || kind.get() == Kind.LONG) {
                return Optional.empty();
            }
            types.add(switch (kind.get()) {
                case MATRIX -> Language.Type.MATRIX;
                case INT -> Language.Type.INT;
                default -> Language.Type.DOUBLE;
            });
        }
        return Optional.of(types);
    }
}
