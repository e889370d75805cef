package io.matgrad.processor.parse;

import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.ir.Dim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads {@code @Shape("rows x cols")} on the parameters of a {@code @Differentiable} method into
 * shape inference, before the body is read: the body's expressions are then checked against the
 * declarations, and a contradiction is reported at the expression, naming the declaration.
 */
public final class ShapeAnnotations {
    public static final String ANNOTATION = "io.matgrad.annotations.Shape";

    /** {@code "n x 1"}, {@code "3x4"}, {@code "n × k"}: two sizes around an x. */
    private static final Pattern SHAPE = Pattern.compile("\\s*(\\w+?)\\s*[x×]\\s*(\\w+)\\s*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");

    /** One side of a declaration: a fixed size, or a name. */
    private record Size(Optional<Integer> fixed, String name) {}

    private ShapeAnnotations() {}

    /**
     * Warns about {@code @Shape} on {@code parameter} if its method is not {@code @Differentiable}:
     * nothing reads it there, and the user surely meant something to.
     */
    public static void checkPlacement(Element parameter, ErrorReporter reporter) {
        Element method = parameter.getEnclosingElement();
        if (parameter.getKind().isField() || !(method instanceof ExecutableElement)
                || KnownTypes.differentiable(method).isPresent()) {
            return; // javac rejects @Shape off parameters; @Differentiable methods are checked when parsed
        }
        annotation(parameter).ifPresent(a -> reporter.warning(Message.SHAPE_IGNORED, parameter, a, null,
                parameter.getSimpleName(), method.getSimpleName(), method.getSimpleName()));
    }

    /**
     * Declares the shapes of the method's parameters to {@code dims}, reporting malformed
     * declarations, declarations on doubles and contradictions at the annotation.
     *
     * @param kinds the parameters' kinds, by name, as the signature gave them
     */
    static void declare(ExecutableElement method, Map<String, Optional<Kind>> kinds, DimensionSolver dims,
            ErrorReporter reporter) {
        for (VariableElement p : method.getParameters()) {
            Optional<AnnotationMirror> annotation = annotation(p);
            if (annotation.isEmpty()) {
                continue;
            }
            Optional<AnnotationValue> value = value(annotation.get());
            if (value.isEmpty() || !(value.get().getValue() instanceof String text)) {
                continue; // javac: a missing or mistyped value
            }
            String name = p.getSimpleName().toString();
            Optional<Kind> kind = kinds.getOrDefault(name, Optional.empty());
            if (kind.isEmpty()) {
                continue; // a type outside the language, reported with the signature
            }
            if (kind.get() != Kind.MATRIX) {
                reporter.error(Message.SHAPE_OF_DOUBLE, p, annotation.get(), value.get(), name);
                continue;
            }
            Optional<List<Size>> sizes = parse(text, p, annotation.get(), value.get(), reporter);
            if (sizes.isEmpty()) {
                continue;
            }
            String origin = "@Shape(\"" + text + "\") " + name;
            declare(Dim.rows(name), sizes.get().get(0), origin, dims, p, annotation.get(), value.get(), reporter);
            declare(Dim.cols(name), sizes.get().get(1), origin, dims, p, annotation.get(), value.get(), reporter);
        }
    }

    private static void declare(Dim.Axis axis, Size size, String origin, DimensionSolver dims, VariableElement p,
            AnnotationMirror annotation, AnnotationValue value, ErrorReporter reporter) {
        Optional<DimensionSolver.Conflict> conflict = size.fixed().isPresent()
                ? dims.unify(axis, new Dim.Fixed(size.fixed().get()), origin)
                : dims.declareName(axis, size.name(), origin);
        conflict.ifPresent(c -> reporter.error(Message.SHAPE_MISMATCH, p, annotation, value,
                origin, c.left(), c.right(), ShapeFacts.describe(c), ShapeFacts.advice(c)));
    }

    /** The two sizes of {@code text}, or empty after reporting why it is not a shape. */
    private static Optional<List<Size>> parse(String text, VariableElement p, AnnotationMirror annotation,
            AnnotationValue value, ErrorReporter reporter) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            reporter.error(Message.SHAPE_SYNTAX, p, annotation, value, text, p.getSimpleName(),
                    "it is not two sizes separated by x");
            return Optional.empty();
        }
        List<Size> sizes = new ArrayList<>();
        for (String side : List.of(m.group(1), m.group(2))) {
            Optional<String> problem = problem(side);
            if (problem.isPresent()) {
                reporter.error(Message.SHAPE_SYNTAX, p, annotation, value, text, p.getSimpleName(), problem.get());
                return Optional.empty();
            }
            sizes.add(NUMBER.matcher(side).matches()
                    ? new Size(Optional.of(Integer.parseInt(side)), side)
                    : new Size(Optional.empty(), side));
        }
        return Optional.of(sizes);
    }

    /** What is wrong with {@code side} as a size, if anything. */
    private static Optional<String> problem(String side) {
        if (NUMBER.matcher(side).matches()) {
            boolean positive = side.length() <= 9 && Integer.parseInt(side) > 0;
            return positive ? Optional.empty() : Optional.of(side + " is not a positive size");
        }
        return NAME.matcher(side).matches()
                ? Optional.empty()
                : Optional.of(side + " is neither a number nor a name");
    }

    private static Optional<AnnotationMirror> annotation(Element e) {
        for (AnnotationMirror mirror : e.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(ANNOTATION)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    private static Optional<AnnotationValue> value(AnnotationMirror annotation) {
        return annotation.getElementValues().entrySet().stream()
                .filter(e -> e.getKey().getSimpleName().contentEquals("value"))
                .map(e -> (AnnotationValue) e.getValue())
                .findFirst();
    }
}
