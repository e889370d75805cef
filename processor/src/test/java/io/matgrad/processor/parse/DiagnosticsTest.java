package io.matgrad.processor.parse;

import static com.google.common.truth.Truth.assertThat;

import com.sun.source.tree.Tree;
import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.diag.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** The diag package: message ids and formats, suggestions, error counting. */
class DiagnosticsTest {

    @Test
    void messageIdsAreStableAndUnique() {
        List<String> ids = Arrays.stream(Message.values()).map(Message::id).toList();
        assertThat(ids).containsNoDuplicates();
        for (String id : ids) {
            assertThat(id).matches("Matgrad[A-Z][A-Za-z]+");
        }
        assertThat(Message.UNSUPPORTED_LOOP.tag()).isEqualTo("[MatgradLoop]");
    }

    @Test
    void everyMessageRendersWithItsArguments() {
        Pattern conversion = Pattern.compile("%[a-z]");
        for (Message m : Message.values()) {
            Matcher matcher = conversion.matcher(m.format());
            int count = 0;
            while (matcher.find()) {
                count++;
            }
            Object[] args = new Object[count];
            Arrays.fill(args, "ARG");
            String rendered = m.render(args);
            assertThat(rendered).startsWith(m.tag() + " ");
            assertThat(rendered).doesNotContain("%");
        }
    }

    @Test
    void messagesReadAsTheContractSays() {
        assertThat(Message.UNSUPPORTED_LOOP.render()).isEqualTo("[MatgradLoop] loops are not differentiable: a"
                + " @Differentiable body is straight-line code (local declarations, then return); write the loop's"
                + " result with matrix operations, e.g. mult or sum");
        assertThat(Message.INTERNAL_ERROR.render("f", "boom")).isEqualTo(
                "[MatgradInternalError] internal error in matgrad while differentiating f: boom; please report it");
        assertThat(Message.SHAPE_MISMATCH.render("mult(A, x)", "A.numCols", "x.numRows",
                "A.numCols is 3 (from @Shape(\"2 x 3\") A) and x.numRows is 4 (from @Shape(\"4 x 1\") x)", "fix it"))
                .isEqualTo("[MatgradShapeMismatch] mult(A, x) needs A.numCols == x.numRows, but A.numCols is 3 (from"
                        + " @Shape(\"2 x 3\") A) and x.numRows is 4 (from @Shape(\"4 x 1\") x); fix it");
        assertThat(Message.NO_TREES.render()).contains("compile with javac");
    }

    /** Users search for an id and find it in the README's table of compile errors. */
    @Test
    void everyMessageIsDocumentedInTheReadme() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
        for (Message m : Message.values()) {
            assertThat(readme).contains(m.tag());
        }
    }

    @Test
    void suggestionsFindPlausibleMisspellings() {
        List<String> parameters = List.of("A", "x", "b");
        assertThat(Suggestions.closest("xx", parameters)).hasValue("x");
        assertThat(Suggestions.closest("B", parameters)).hasValue("b");
        assertThat(Suggestions.closest("theta", parameters)).isEmpty();
        List<String> functions = List.of("mult", "add", "sub", "transpose", "logSumExp", "elementMult");
        assertThat(Suggestions.closest("mul", functions)).hasValue("mult");
        assertThat(Suggestions.closest("multiply", functions)).hasValue("mult");
        assertThat(Suggestions.closest("tranpsose", functions)).hasValue("transpose");
        assertThat(Suggestions.closest("logsumexp", functions)).hasValue("logSumExp");
        assertThat(Suggestions.closest("cholesky", functions)).isEmpty();
    }

    /** A Messager that keeps what it is told. */
    static final class RecordingMessager implements Messager {
        final List<String> printed = new ArrayList<>();

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
            printed.add(kind + " " + msg);
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
            printMessage(kind, msg);
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
            printMessage(kind, msg);
        }

        @Override
        public void printMessage(
                Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a, AnnotationValue v) {
            printMessage(kind, msg);
        }
    }

    @Test
    void reporterCountsErrorsSinceAMark() {
        RecordingMessager messager = new RecordingMessager();
        ErrorReporter reporter = new ErrorReporter(messager, null);
        ErrorReporter.Mark start = reporter.mark();
        reporter.warning(Message.UNSUPPORTED_LOOP, (Element) null);
        assertThat(reporter.errorReported()).isFalse();
        assertThat(reporter.errorReportedSince(start)).isFalse();

        reporter.error(Message.INTERNAL_ERROR, (Element) null, "f", "boom");
        ErrorReporter.Mark afterFirst = reporter.mark();
        assertThat(reporter.errorReportedSince(start)).isTrue();
        assertThat(reporter.errorReportedSince(afterFirst)).isFalse();

        // Without the tree API, a message for a tree still comes out, without a position.
        reporter.error(Message.UNSUPPORTED_LOOP, (Tree) null, null);
        assertThat(reporter.errorReportedSince(afterFirst)).isTrue();
        assertThat(messager.printed).containsExactly(
                "WARNING " + Message.UNSUPPORTED_LOOP.render(),
                "ERROR " + Message.INTERNAL_ERROR.render("f", "boom"),
                "ERROR " + Message.UNSUPPORTED_LOOP.render())
                .inOrder();
    }

    @Test
    void abortReportsAndStopsOneElement() {
        RecordingMessager messager = new RecordingMessager();
        ErrorReporter reporter = new ErrorReporter(messager, null);
        RuntimeException abort = reporter.abortWithError(Message.NOT_STATIC, (Element) null, "f");
        assertThat(abort).isNotNull();
        assertThat(reporter.errorReported()).isTrue();
        assertThat(messager.printed).containsExactly("ERROR " + Message.NOT_STATIC.render("f"));
    }
}
