package io.matgrad.processor.parse;

import com.sun.source.tree.MethodInvocationTree;
import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.Message;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Translates a call of another {@code @Differentiable} method (a helper) by translating the callee's
 * body in its place: the callee's parameters are the call's argument terms, its locals live in a
 * scope of their own, its shape rules are unified with the caller's dimensions, and its
 * {@code @Shape} declarations are required of the arguments. The caller's function then contains
 * the callee's formula, so every derivative goes through the call exactly, with nothing downstream
 * aware of it; the callee's own annotation ({@code wrt}, {@code hessian}) plays no part.
 */
final class Inliner {
    private Inliner() {}

    /**
     * The term {@code call} of {@code callee}, chosen by overload resolution, with the translated
     * {@code arguments}; empty after an error at the call.
     */
    static Optional<Term> inline(
            ParseContext cx, MethodInvocationTree call, ExecutableElement callee, List<Term> arguments) {
        Callees.Outcome outcome = cx.calls.callees().call(callee);
        return switch (outcome.status()) {
            case READABLE -> translate(cx, call, callee, arguments, outcome.source().orElseThrow());
            case RECURSIVE -> cx.reject(Message.RECURSIVE_CALL, call, cx.text(call), name(cx.method),
                    outcome.cycle().stream().map(Inliner::name).collect(Collectors.joining(" → ")));
            case WITHOUT_SOURCE -> cx.reject(Message.CALLEE_WITHOUT_SOURCE, call, cx.text(call),
                    qualifiedName(callee), callee.getSimpleName());
            case FAILING -> cx.reject(Message.CALLEE_ERROR, call, cx.text(call), name(callee));
        };
    }

    private static Optional<Term> translate(ParseContext cx, MethodInvocationTree call, ExecutableElement callee,
            List<Term> arguments, Callees.Source source) {
        Callees callees = cx.calls.callees();
        ParseContext body = callees.quiet().context(callee, source.unit(), cx.known, cx.dims,
                cx.calls.inlined(cx, call, name(callee)));
        ErrorReporter.Mark mark = callees.silent().mark();
        bindParameters(body, callee, arguments);
        ShapeAnnotations.requireOfArguments(callee, arguments, body, call);
        Optional<Kind> returnKind = cx.known.kindOf(callee.getReturnType());
        Optional<BodyTranslator.Body> translated = callees.reading(callee,
                () -> new BodyTranslator(body, returnKind).translate(source.tree().getBody()));
        if (translated.isEmpty() || callees.silent().errorReportedSince(mark)) {
            // the callee parsed on its own without error, so this cannot happen; if it does, say so
            return cx.reject(Message.CALLEE_ERROR, call, cx.text(call), name(callee));
        }
        cx.calls.addInlined(translated.get().locals());
        return Optional.of(translated.get().result());
    }

    /**
     * Puts the callee's parameters in scope, each the argument's term in the parameter's type (Java
     * widens {@code 2} to {@code 2.0} for a double parameter).
     */
    private static void bindParameters(ParseContext body, ExecutableElement callee, List<Term> arguments) {
        List<? extends VariableElement> parameters = callee.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            VariableElement p = parameters.get(i);
            Kind kind = body.known.kindOf(p.asType()).orElseThrow(); // the callee parsed: a matrix or a double
            Term value = new Term(arguments.get(i).expr(), kind);
            body.locals.declare(new Locals.Symbol(p.getSimpleName().toString(), Locals.Role.PARAMETER,
                    Optional.of(value)));
        }
    }

    /** {@code Models.layer}: how messages and requirements name a method. */
    static String name(ExecutableElement method) {
        return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
    }

    /** {@code com.example.Layers.layer}: where to find a method compiled elsewhere. */
    private static String qualifiedName(ExecutableElement method) {
        return ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "." + method.getSimpleName();
    }
}
