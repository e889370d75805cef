package io.matgrad.processor.testing;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.DifferentiableProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles test sources as a user's build does: javac with the real {@link DifferentiableProcessor},
 * against matgrad's runtime and EJML on the test classpath. What these compilations report is what
 * users see.
 */
public final class Compilations {
    private Compilations() {}

    /** {@code test.Models}: the usual imports, then {@code members}. */
    public static JavaFileObject models(String... members) {
        return JavaFileObjects.forSourceString("test.Models", """
                package test;

                import static io.matgrad.runtime.MatrixOps.*;

                import io.matgrad.annotations.Differentiable;
                import io.matgrad.annotations.Shape;
                import io.matgrad.runtime.MatrixOps;
                import org.ejml.data.DMatrixRMaj;

                public class Models {
                """ + String.join("\n", members) + "\n}\n");
    }

    /** Compiles {@code sources} with the real processor. */
    public static Compilation compile(JavaFileObject... sources) {
        return compile(new DifferentiableProcessor(), Classpath.current(), sources);
    }

    /** Compiles {@code sources} with the real processor, without matgrad-runtime on the classpath. */
    public static Compilation compileWithoutRuntime(JavaFileObject... sources) {
        return compile(new DifferentiableProcessor(), withoutRuntime(), sources);
    }

    public static Compilation compile(Processor processor, List<File> classpath, JavaFileObject... sources) {
        return Compiler.javac().withProcessors(processor).withClasspath(classpath).compile(sources);
    }

    /** The test classpath without matgrad-runtime. */
    public static List<File> withoutRuntime() {
        return Classpath.current().stream().filter(Predicate.not(Compilations::hasMatrixOps)).toList();
    }

    /** Asserts that no diagnostic is matgrad's: for errors that are javac's alone to report. */
    public static void assertNoMatgradDiagnostic(Compilation compilation) {
        List<String> ours = compilation.diagnostics().stream()
                .map(d -> d.getMessage(null))
                .filter(m -> m.contains("[Matgrad"))
                .toList();
        assertWithMessage("all diagnostics: %s", messages(compilation)).that(ours).isEmpty();
    }

    /** Every diagnostic, one a line, with its kind and line: for failure messages. */
    public static String messages(Compilation compilation) {
        return compilation.diagnostics().stream()
                .map(d -> d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(null))
                .collect(Collectors.joining("\n"));
    }

    /** The number of error diagnostics that carry {@code tag}. */
    public static long errorsTagged(Compilation compilation, String tag) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR && d.getMessage(null).contains(tag))
                .count();
    }

    /** The source javac was given or a processor generated for {@code className}, as text. */
    public static String generatedSource(Compilation compilation, String className) {
        JavaFileObject file = compilation.generatedSourceFile(className)
                .orElseThrow(() -> new AssertionError("no generated source " + className + "\n" + messages(compilation)));
        try {
            return file.getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasMatrixOps(File entry) {
        String path = "io/matgrad/runtime/MatrixOps.class";
        if (entry.isDirectory()) {
            return new File(entry, path).isFile();
        }
        try (ZipFile jar = new ZipFile(entry)) {
            return jar.getEntry(path) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
