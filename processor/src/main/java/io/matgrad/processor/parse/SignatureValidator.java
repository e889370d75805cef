package io.matgrad.processor.parse;

import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.diag.Suggestions;
import io.matgrad.processor.ir.GeneratedNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks a {@code @Differentiable} method's declaration and its annotation, reporting on the method,
 * a parameter or the {@code wrt} value at fault. Types javac could not resolve are javac's to
 * report.
 */
final class SignatureValidator {
    private final KnownTypes known;
    private final ErrorReporter reporter;

    SignatureValidator(KnownTypes known, ErrorReporter reporter) {
        this.known = known;
        this.reporter = reporter;
    }

    Signature validate(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(Message.NOT_STATIC, method, name);
        }
        if (method.getModifiers().contains(Modifier.ABSTRACT) || method.getModifiers().contains(Modifier.NATIVE)) {
            reporter.error(Message.NO_BODY, method, name);
        }
        if (!method.getTypeParameters().isEmpty()) {
            String typeParameters = method.getTypeParameters().stream()
                    .map(TypeParameterElement::getSimpleName)
                    .collect(Collectors.joining(", ", "<", ">"));
            reporter.error(Message.TYPE_PARAMETERS, method, name, typeParameters);
        }
        List<Signature.Parameter> parameters = new ArrayList<>();
        for (VariableElement p : method.getParameters()) {
            Optional<Kind> kind = languageKind(p.asType());
            if (kind.isEmpty() && p.asType().getKind() != TypeKind.ERROR) {
                String type = TypeAdvice.name(p.asType());
                reporter.error(Message.PARAMETER_TYPE, p, p.getSimpleName(), type, TypeAdvice.instead(type));
            }
            parameters.add(new Signature.Parameter(p.getSimpleName().toString(), kind));
        }
        if (parameters.isEmpty()) {
            reporter.error(Message.NO_PARAMETERS, method, name);
        }
        TypeMirror returnType = method.getReturnType();
        Optional<Kind> returnKind = languageKind(returnType);
        if (returnKind.isEmpty() && returnType.getKind() != TypeKind.ERROR) {
            String type = TypeAdvice.name(returnType);
            reporter.error(Message.RETURN_TYPE, method, name, type, TypeAdvice.instead(type));
        }
        Optional<AnnotationMirror> annotation = KnownTypes.differentiable(method);
        List<String> wrt = annotation.map(a -> wrt(method, a, parameters)).orElse(List.of());
        if (wrt.isEmpty() && !parameters.isEmpty()) {
            wrt = List.of(parameters.get(0).name());
        }
        boolean hessian = annotation.map(a -> hessian(method, a, returnKind)).orElse(false);
        boolean denominator = annotation.flatMap(a -> explicitValue(a, "jacobianLayout"))
                .map(v -> v.getValue().toString().equals("DENOMINATOR"))
                .orElse(false);
        return new Signature(parameters, returnKind, wrt, hessian, denominator);
    }

    /** The kind of a parameter or result of type {@code t}: only matrices and doubles. */
    private Optional<Kind> languageKind(TypeMirror t) {
        return known.kindOf(t).filter(k -> k == Kind.MATRIX || k == Kind.DOUBLE);
    }

    /** The names {@code wrt} lists, each reported unless it names a parameter for the first time. */
    private List<String> wrt(ExecutableElement method, AnnotationMirror annotation, List<Signature.Parameter> parameters) {
        Optional<AnnotationValue> value = explicitValue(annotation, "wrt");
        if (value.isEmpty() || !(value.get().getValue() instanceof List<?> names)) {
            return List.of();
        }
        List<String> parameterNames = parameters.stream().map(Signature.Parameter::name).toList();
        Set<String> wrt = new LinkedHashSet<>();
        for (Object element : names) {
            AnnotationValue v = (AnnotationValue) element;
            if (!(v.getValue() instanceof String name)) {
                continue; // javac reports a value of the wrong type
            }
            if (!parameterNames.contains(name)) {
                String suggestion = Suggestions.closest(name, parameterNames)
                        .map(s -> "; did you mean \"" + s + "\"?")
                        .orElse("");
                reporter.error(Message.UNKNOWN_WRT, method, annotation, v, name, method.getSimpleName(), String.join(", ", parameterNames), suggestion);
            } else if (!wrt.add(name)) {
                reporter.error(Message.DUPLICATE_WRT, method, annotation, v, name);
            } else {
                // generated names capitalize the first letter: P and p would both give fGradP
                String capitalized = GeneratedNames.capitalize(name);
                wrt.stream().filter(w -> !w.equals(name) && GeneratedNames.capitalize(w).equals(capitalized)).findFirst()
                        .ifPresent(other -> reporter.error(Message.AMBIGUOUS_WRT, method, annotation, v, other, name,
                                method.getSimpleName(), capitalized));
            }
        }
        return List.copyOf(wrt);
    }

    /** The value in {@code annotation}'s {@code wrt} that names {@code parameter}, to report at. */
    static Optional<AnnotationValue> wrtValue(AnnotationMirror annotation, String parameter) {
        return explicitValue(annotation, "wrt")
                .filter(v -> v.getValue() instanceof List<?>)
                .flatMap(v -> ((List<?>) v.getValue()).stream()
                        .map(AnnotationValue.class::cast)
                        .filter(name -> parameter.equals(name.getValue()))
                        .findFirst());
    }

    private boolean hessian(ExecutableElement method, AnnotationMirror annotation, Optional<Kind> returnKind) {
        Optional<AnnotationValue> value = explicitValue(annotation, "hessian");
        boolean hessian = value.isPresent() && Boolean.TRUE.equals(value.get().getValue());
        if (hessian && returnKind.equals(Optional.of(Kind.MATRIX))) {
            reporter.error(Message.HESSIAN_OF_VECTOR_FUNCTION, method, annotation, value.get(), method.getSimpleName());
        }
        return hessian;
    }

    /** The value the annotation gives {@code element} explicitly; empty means its default. */
    private static Optional<AnnotationValue> explicitValue(AnnotationMirror annotation, String element) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : annotation.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(element)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}
