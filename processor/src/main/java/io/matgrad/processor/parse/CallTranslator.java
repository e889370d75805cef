package io.matgrad.processor.parse;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.diag.Suggestions;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Equality;
import io.matgrad.processor.ir.ShapeRules;
import io.matgrad.processor.lang.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;

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
        return exists
                ? cx.reject(Message.MATRIX_METHOD_CALL, call, cx.text(call), matrixMethodAdvice(name))
                : Optional.empty();
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
        Optional<List<Term>> arguments = translateArguments(call);
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
        List<Term> terms = new ArrayList<>();
        boolean complete = true;
        for (ExpressionTree argument : call.getArguments()) {
            Optional<Term> t = expressions.translate(argument);
            t.ifPresent(terms::add);
            complete &= t.isPresent();
        }
        return complete ? Optional.of(terms) : Optional.empty();
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
        Expr result = function.apply(operands);
        for (Equality e : ShapeRules.requirements(result)) {
            cx.require(e.left(), e.right(), call);
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
                    "to use one entry, pass it as a double parameter, or reduce the matrix with dot, sum or trace";
            case "set", "unsafe_set", "fill", "zero", "reshape", "setTo", "setData", "add", "plus", "times",
                    "divide", "set_", "insertIntoThis" ->
                    "matrices are never modified: compute a new matrix with MatrixOps functions";
            case "copy", "createLike", "clone" -> "values are never modified, so use the matrix itself";
            case "getNumRows", "getNumCols", "getNumElements" ->
                    "a matrix's dimensions are not differentiable; pass the number as a double parameter";
            default -> "use MatrixOps functions, such as mult, transpose or sum";
        };
    }

    /** The language's types of {@code method}'s parameters; empty if one is not a matrix or a double. */
    private Optional<List<Language.Type>> parameterTypes(ExecutableElement method) {
        List<Language.Type> types = new ArrayList<>();
        for (VariableElement p : method.getParameters()) {
            Optional<Kind> kind = cx.known.kindOf(p.asType());
            if (kind.isEmpty() || (kind.get() != Kind.MATRIX && kind.get() != Kind.DOUBLE)) {
                return Optional.empty();
            }
            types.add(kind.get() == Kind.MATRIX ? Language.Type.MATRIX : Language.Type.DOUBLE);
        }
        return Optional.of(types);
    }
}
