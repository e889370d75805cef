package io.matgrad.processor.parse;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.ir.Function;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles test sources with {@link ParseOnlyProcessor}, against the runtime on the test classpath. */
final class ParseHarness {
    private ParseHarness() {}

    /** The result of one compilation: javac's, and the functions the parser returned by method name. */
    record Result(Compilation compilation, Map<String, Function> functions) {
        Function function(String name) {
            Function f = functions.get(name);
            assertWithMessage("parsed functions %s", functions.keySet()).that(f).isNotNull();
            return f;
        }
    }

    /** {@code test.Models}: the usual imports, then {@code members}. */
    static JavaFileObject models(String... members) {
        return JavaFileObjects.forSourceString("test.Models", """
                package test;

                import static io.matgrad.runtime.MatrixOps.*;

                import io.matgrad.annotations.Differentiable;
                import io.matgrad.runtime.MatrixOps;
                import org.ejml.data.DMatrixRMaj;

                public class Models {
                """ + String.join("\n", members) + "\n}\n");
    }

    static Result compile(JavaFileObject... sources) {
        return compile(classpath(), sources);
    }

    /** Compiles without matgrad-runtime on the classpath. */
    static Result compileWithoutRuntime(JavaFileObject... sources) {
        return compile(classpath().stream().filter(Predicate.not(ParseHarness::hasMatrixOps)).toList(), sources);
    }

    private static Result compile(List<File> classpath, JavaFileObject... sources) {
        ParseOnlyProcessor processor = new ParseOnlyProcessor();
        Compilation compilation = Compiler.javac().withProcessors(processor).withClasspath(classpath).compile(sources);
        return new Result(compilation, Map.copyOf(processor.functions));
    }

    /** Asserts that no diagnostic is matgrad's: for errors that are javac's alone to report. */
    static void assertNoMatgradDiagnostic(Compilation compilation) {
        List<String> ours = compilation.diagnostics().stream()
                .map(d -> d.getMessage(null))
                .filter(m -> m.contains("[Matgrad"))
                .toList();
        assertWithMessage("all diagnostics: %s", messages(compilation)).that(ours).isEmpty();
    }

    static String messages(Compilation compilation) {
        return compilation.diagnostics().stream()
                .map(d -> d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(null))
                .collect(Collectors.joining("\n"));
    }

    /** The number of error diagnostics that carry {@code tag}. */
    static long errorsTagged(Compilation compilation, String tag) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR && d.getMessage(null).contains(tag))
                .count();
    }

    private static List<File> classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(File::new).toList();
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
