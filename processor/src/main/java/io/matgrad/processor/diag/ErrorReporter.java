package io.matgrad.processor.diag;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.util.Objects;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports matgrad's diagnostics and counts the errors, so that the stages of one method can be gated
 * on "no error reported for this method": take a {@link #mark()} before a method, ask
 * {@link #errorReportedSince(Mark)} after each stage.
 *
 * <p>Reporting never stops processing; {@link #abortWithError} reports and hands back an exception
 * that the caller throws to give up on one element only.
 */
public final class ErrorReporter {
    private final Messager messager;
    private final Trees trees;
    private int errorCount;

    /**
     * @param trees javac's tree API, to point at a tree inside a method body; {@code null} when the
     *     compiler offers none, and then tree positions fall back to no position
     */
    public ErrorReporter(Messager messager, Trees trees) {
        this.messager = Objects.requireNonNull(messager);
        this.trees = trees;
    }

    /** A point in the sequence of reported errors. */
    public static final class Mark {
        private final int errorCount;

        private Mark(int errorCount) {
            this.errorCount = errorCount;
        }
    }

    /** Reports an error at {@code element}. */
    public void error(Message message, Element element, Object... args) {
        print(Diagnostic.Kind.ERROR, message, element, null, null, args);
    }

    /** Reports an error at an annotation value of {@code element}, such as one name in {@code wrt}. */
    public void error(
            Message message, Element element, AnnotationMirror annotation, AnnotationValue value, Object... args) {
        print(Diagnostic.Kind.ERROR, message, element, annotation, value, args);
    }

    /** Reports an error at {@code tree}, a tree of {@code unit}: the precise position in a body. */
    public void error(Message message, Tree tree, CompilationUnitTree unit, Object... args) {
        print(Diagnostic.Kind.ERROR, message, tree, unit, args);
    }

    /** Reports a warning at {@code element}. */
    public void warning(Message message, Element element, Object... args) {
        print(Diagnostic.Kind.WARNING, message, element, null, null, args);
    }

    /** Reports a warning at an annotation value of {@code element}. */
    public void warning(
            Message message, Element element, AnnotationMirror annotation, AnnotationValue value, Object... args) {
        print(Diagnostic.Kind.WARNING, message, element, annotation, value, args);
    }

    /** Reports a warning at {@code tree}, a tree of {@code unit}. */
    public void warning(Message message, Tree tree, CompilationUnitTree unit, Object... args) {
        print(Diagnostic.Kind.WARNING, message, tree, unit, args);
    }

    /**
     * Reports an error at {@code element} and returns an exception for the caller to throw, to stop
     * processing that element only: {@code throw reporter.abortWithError(...)}.
     */
    public AbortException abortWithError(Message message, Element element, Object... args) {
        error(message, element, args);
        return new AbortException();
    }

    /** Whether any error has been reported. */
    public boolean errorReported() {
        return errorCount > 0;
    }

    /** The current point in the sequence of errors, to compare with later. */
    public Mark mark() {
        return new Mark(errorCount);
    }

    /** Whether any error was reported after {@code mark} was taken. */
    public boolean errorReportedSince(Mark mark) {
        return errorCount > mark.errorCount;
    }

    private void print(
            Diagnostic.Kind kind,
            Message message,
            Element element,
            AnnotationMirror annotation,
            AnnotationValue value,
            Object[] args) {
        count(kind);
        messager.printMessage(kind, message.render(args), element, annotation, value);
    }

    private void print(Diagnostic.Kind kind, Message message, Tree tree, CompilationUnitTree unit, Object[] args) {
        count(kind);
        String text = message.render(args);
        if (trees != null) {
            trees.printMessage(kind, text, tree, unit);
        } else {
            // Without the tree API nobody holds a tree, but say it rather than drop the message.
            messager.printMessage(kind, text);
        }
    }

    private void count(Diagnostic.Kind kind) {
        if (kind == Diagnostic.Kind.ERROR) {
            errorCount++;
        }
    }
}
