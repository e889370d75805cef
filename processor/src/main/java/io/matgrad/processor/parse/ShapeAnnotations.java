package io.matgrad.processor.parse;

import com.sun.source.tree.Tree;
import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Shape;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** One {@code @Shape} on a parameter: where to report, and what it says. */
    private record Declaration(VariableElement parameter, AnnotationMirror annotation, AnnotationValue value,
            String text) {
        String name() {
            return parameter.getSimpleName().toString();
        }

        /** How requirements and messages name it: {@code @Shape("n x 1") x}. */
        String origin() {
            return "@Shape(\"" + text + "\") " + name();
        }

        void error(ErrorReporter reporter, Message message, Object... args) {
            reporter.error(message, parameter, annotation, value, args);
        }
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
            Optional<Declaration> declaration = declaration(p);
            if (declaration.isEmpty()) {
                continue; // none, or a missing or mistyped value (javac's error)
            }
            Declaration d = declaration.get();
            Optional<Kind> kind = kinds.getOrDefault(d.name(), Optional.empty());
            if (kind.isEmpty()) {
                continue; // a type outside the language, reported with the signature
            }
            if (kind.get() != Kind.MATRIX) {
                d.error(reporter, Message.SHAPE_OF_DOUBLE, d.name());
                continue;
            }
            parse(d, reporter).ifPresent(sizes -> {
                declare(d, Dim.rows(d.name()), sizes.get(0), dims, reporter);
                declare(d, Dim.cols(d.name()), sizes.get(1), dims, reporter);
            });
        }
    }

    private static void declare(Declaration d, Dim.Axis axis, Size size, DimensionSolver dims, ErrorReporter reporter) {
        Optional<DimensionSolver.Conflict> conflict = size.fixed().isPresent()
                ? dims.unify(axis, new Dim.Fixed(size.fixed().get()), d.origin())
                : dims.declareName(axis, size.name(), d.origin());
        conflict.ifPresent(c -> d.error(reporter, Message.SHAPE_MISMATCH, d.origin(), c.left(), c.right(),
                ShapeFacts.describe(c), ShapeFacts.advice(c)));
    }

    /**
     * Requires of the arguments of a call of {@code method} what its parameters' {@code @Shape}
     * declarations say, in {@code callee}, the context of the callee's body read in place of
     * {@code call}: a number fixes the argument's dimension, a name shared by parameters makes
     * their arguments' dimensions equal. A name is the callee's own: it stands for whatever the
     * arguments have, a different dimension at each call. Malformed declarations are the callee's
     * errors, reported when it is parsed, and skipped here.
     */
    static void requireOfArguments(ExecutableElement method, List<Term> arguments, ParseContext callee, Tree call) {
        Map<String, Dim> named = new HashMap<>();
        List<? extends VariableElement> parameters = method.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            Shape shape = arguments.get(i).expr().shape();
            Optional<Declaration> d = declaration(parameters.get(i));
            Optional<List<Size>> sizes = d.flatMap(ShapeAnnotations::sizes);
            if (sizes.isEmpty() || shape.isScalar()) {
                continue;
            }
            List<Dim> dims = List.of(shape.rows(), shape.cols());
            for (int side = 0; side < 2; side++) {
                Size size = sizes.get().get(side);
                Dim dim = dims.get(side);
                Dim other = size.fixed().<Dim>map(Dim.Fixed::new).orElseGet(() -> named.putIfAbsent(size.name(), dim));
                if (other != null) {
                    callee.require(dim, other, d.get().origin(), call);
                }
            }
        }
    }

    /** The two sizes {@code d} declares; empty if it is malformed. */
    private static Optional<List<Size>> sizes(Declaration d) {
        Matcher m = SHAPE.matcher(d.text());
        if (!m.matches() || problem(m.group(1)).isPresent() || problem(m.group(2)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(List.of(size(m.group(1)), size(m.group(2))));
    }

    private static Size size(String side) {
        return NUMBER.matcher(side).matches()
                ? new Size(Optional.of(Integer.parseInt(side)), side)
                : new Size(Optional.empty(), side);
    }

    /** The two sizes {@code d} declares, or empty after reporting why it is not a shape. */
    private static Optional<List<Size>> parse(Declaration d, ErrorReporter reporter) {
        Matcher m = SHAPE.matcher(d.text());
        if (!m.matches()) {
            d.error(reporter, Message.SHAPE_SYNTAX, d.text(), d.name(), "it is not two sizes separated by x");
            return Optional.empty();
        }
        List<Size> sizes = new ArrayList<>();
        for (String side : List.of(m.group(1), m.group(2))) {
            Optional<String> problem = problem(side);
            if (problem.isPresent()) {
                d.error(reporter, Message.SHAPE_SYNTAX, d.text(), d.name(), problem.get());
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

    private static Optional<Declaration> declaration(VariableElement p) {
        return annotation(p).flatMap(a -> value(a)
                .filter(v -> v.getValue() instanceof String)
                .map(v -> new Declaration(p, a, v, (String) v.getValue())));
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
