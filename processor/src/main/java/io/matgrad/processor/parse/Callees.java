package io.matgrad.processor.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.matgrad.processor.diag.ErrorReporter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/**
 * The {@code @Differentiable} methods one parse reads: the method parsed (the top) and the methods
 * its body calls, directly or through others, whose bodies are read in place of the calls.
 *
 * <p>Before a callee's body is read in place of a call, the callee is parsed on its own, once per
 * parse and reporting nothing, as its own parse will: an error of its own (a construct outside the
 * language, a shape contradicting its {@code @Shape} declarations, recursion) is reported there,
 * and the caller says only that the callee has errors. What remains to go wrong at the call is what
 * the caller brings to it: its arguments' shapes, and recursion through the top. A cycle of calls
 * is found when a method whose body is being read is called again.
 */
final class Callees {
    /** What a call of a {@code @Differentiable} method leads to. */
    enum Status {
        /** A callee whose body can be read in place of the call. */
        READABLE,
        /** A callee compiled earlier: no source. */
        WITHOUT_SOURCE,
        /** A call that leads back to the top: the top is recursive. */
        RECURSIVE,
        /** A callee with errors of its own, recursion not through the top included. */
        FAILING
    }

    /**
     * What a call leads to.
     *
     * @param source the callee's declaration, for {@link Status#READABLE}
     * @param cycle for {@link Status#RECURSIVE}: the methods from the top back to the top, in call order
     */
    record Outcome(Status status, Optional<Source> source, List<ExecutableElement> cycle) {
        static Outcome of(Status status) {
            return new Outcome(status, Optional.empty(), List.of());
        }
    }

    /** A method's declaration, with its body, and the file it is in. */
    record Source(MethodTree tree, CompilationUnitTree unit) {}

    /** Drops every message: the reporter of methods read on their own counts their errors only. */
    private static final Messager SILENT = new Messager() {
        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg) {}

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {}

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {}

        @Override
        public void printMessage(
                Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a, AnnotationValue v) {}
    };

    private final ExecutableElement top;
    private final Trees trees;
    /** A parser reporting to {@link #silent}: for callees, read on their own or in place of a call. */
    private final MethodParser quiet;
    private final ErrorReporter silent;
    /** The methods whose bodies are being read, the top first: a call of one of them closes a cycle. */
    private final Deque<ExecutableElement> reading = new ArrayDeque<>();
    /** Whether each callee parsed on its own without error. */
    private final Map<ExecutableElement, Boolean> parsedAlone = new HashMap<>();
    /** For each callee known to call the top, directly or not: the methods from it to the top. */
    private final Map<ExecutableElement, List<ExecutableElement>> pathsToTop = new HashMap<>();

    /**
     * @param quiet a parser like the one parsing {@code top}, reporting to {@code silent}
     */
    Callees(ExecutableElement top, Trees trees, MethodParser quiet, ErrorReporter silent) {
        this.top = top;
        this.trees = trees;
        this.quiet = quiet;
        this.silent = silent;
        reading.add(top);
    }

    /** A reporter that prints nothing and counts errors. */
    static ErrorReporter silentReporter() {
        return new ErrorReporter(SILENT, null);
    }

    /** Where the errors of bodies read in place of calls go: counted, never printed. */
    ErrorReporter silent() {
        return silent;
    }

    /** The parser for bodies read in place of calls. */
    MethodParser quiet() {
        return quiet;
    }

    /** What a call of {@code callee}, from the body being read, leads to. */
    Outcome call(ExecutableElement callee) {
        Optional<Source> source = source(callee);
        if (source.isEmpty()) {
            return Outcome.of(Status.WITHOUT_SOURCE);
        }
        if (callee.equals(top)) {
            return reachingTop(List.of(top));
        }
        if (reading.contains(callee)) {
            return Outcome.of(Status.FAILING); // a cycle without the top: the callee's own error
        }
        if (!parsedAlone.containsKey(callee)) {
            parsedAlone.put(callee, reading(callee, () -> quiet.parseAlone(callee, this)).isPresent());
        }
        if (parsedAlone.get(callee)) {
            return new Outcome(Status.READABLE, source, List.of());
        }
        List<ExecutableElement> path = pathsToTop.get(callee);
        return path == null ? Outcome.of(Status.FAILING) : reachingTop(path);
    }

    /**
     * A call, from the body being read, of a method whose calls lead to the top along {@code path}:
     * every method being read but the top now leads to it too, and the top is recursive.
     */
    private Outcome reachingTop(List<ExecutableElement> path) {
        List<ExecutableElement> stack = new ArrayList<>(reading);
        for (int i = 1; i < stack.size(); i++) {
            pathsToTop.putIfAbsent(stack.get(i), concat(stack.subList(i, stack.size()), path));
        }
        return new Outcome(Status.RECURSIVE, Optional.empty(), concat(List.of(top), path));
    }

    /** {@code read}, with {@code callee}'s body being read meanwhile. */
    <T> T reading(ExecutableElement callee, Supplier<T> read) {
        reading.addLast(callee);
        try {
            return read.get();
        } finally {
            reading.removeLast();
        }
    }

    /** The declaration of {@code method} with its body, if it is in this compilation's sources. */
    Optional<Source> source(ExecutableElement method) {
        TreePath path = trees.getPath(method);
        if (path == null || !(path.getLeaf() instanceof MethodTree tree)) {
            return Optional.empty();
        }
        return Optional.of(new Source(tree, path.getCompilationUnit()));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
