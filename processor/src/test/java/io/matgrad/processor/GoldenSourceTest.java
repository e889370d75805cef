package io.matgrad.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.testing.Classpath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated source, character for character, for a few functions: what users read. After an
 * intended change to the generated code, regenerate the expected files with
 * {@code mvn -pl processor test -Dtest=GoldenSourceTest -Dmatgrad.golden.update=true} and review
 * the diff.
 */
class GoldenSourceTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void regressionModels() {
        assertGenerated("Regression");
    }

    @Test
    void logisticRegressionWithHessianAndJacobian() {
        assertGenerated("Logistic");
    }

    private static void assertGenerated(String model) {
        JavaFileObject source = JavaFileObjects.forResource("golden/" + model + ".java");
        Compilation compilation = Compiler.javac()
                .withProcessors(new DifferentiableProcessor())
                .withClasspath(Classpath.current())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        String generated = contents(compilation, "golden." + model + "Gradients");
        Path expected = GOLDEN.resolve(model + "Gradients.java.txt");
        if (Boolean.getBoolean("matgrad.golden.update")) {
            write(expected, generated);
        }
        assertWithMessage("generated %sGradients (to accept a change, run with -Dmatgrad.golden.update=true)", model)
                .that(generated).isEqualTo(read(expected));
    }

    private static String contents(Compilation compilation, String className) {
        try {
            return compilation.generatedSourceFile(className).orElseThrow().getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing golden file " + path + "; create it with -Dmatgrad.golden.update=true", e);
        }
    }

    private static void write(Path path, String text) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
