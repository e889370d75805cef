package io.matgrad.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;

/**
 * A user's source file {@code com/example/Models.java}, compiled from a command line the way a user
 * without a build tool writes it: the packaged processor jar alone on {@code -processorpath}, the
 * annotations, the runtime and EJML on {@code -classpath}. The jars are this build's packaged
 * artifacts, named by system properties that the module's pom sets (failsafe runs after
 * {@code package}).
 */
final class UserCompilation {
    /** What the compiler said, and whether it succeeded. */
    record Result(boolean succeeded, String output) {}

    private final Path work;

    /** A compilation in {@code work}: sources in {@code src}, output in {@code classes} and {@code generated}. */
    UserCompilation(Path work) {
        this.work = work;
    }

    Path classes() {
        return work.resolve("classes");
    }

    /** Where {@code -s} puts generated sources. */
    Path generated() {
        return work.resolve("generated");
    }

    /** {@code javac ... -Xlint:all,-processing Models.java}, through the system compiler. */
    Result javac(String source) throws IOException {
        List<String> arguments = arguments(source);
        // all of -Xlint but javac's "processing" lint, which warns of every unclaimed annotation
        // (the generated code's own @Generated too): the README's troubleshooting section says so
        arguments.add(0, "-Xlint:all,-processing");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, output, output, arguments.toArray(String[]::new));
        return new Result(status == 0, output.toString(StandardCharsets.UTF_8));
    }

    /** {@code ecj ... Models.java}: Eclipse's compiler, as Eclipse runs it on its Factory Path. */
    Result ecj(String source) throws IOException {
        List<String> arguments = arguments(source);
        StringWriter output = new StringWriter();
        try (PrintWriter writer = new PrintWriter(output)) {
            boolean succeeded = BatchCompiler.compile(arguments.toArray(String[]::new), writer, writer, null);
            writer.flush();
            return new Result(succeeded, output.toString());
        }
    }

    /** The path of a packaged jar named by a system property. */
    static String jar(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null && value.endsWith(".jar") && new File(value).isFile(),
                property + " should name a packaged jar, not " + value);
        return value;
    }

    /** The path of a file named by a system property. */
    static String file(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null && new File(value).isFile(), property + " should name a file, not " + value);
        return value;
    }

    private List<String> arguments(String source) throws IOException {
        Path file = Files.createDirectories(work.resolve("src/com/example")).resolve("Models.java");
        Files.writeString(file, source);
        Files.createDirectories(classes());
        Files.createDirectories(generated());
        return new ArrayList<>(List.of(
                "-processorpath", jar("matgrad.processor.jar"),
                "-classpath", String.join(File.pathSeparator, jar("matgrad.annotations.jar"),
                        jar("matgrad.runtime.jar"), jar("ejml.core.jar"), jar("ejml.ddense.jar")),
                "--release", "17",
                "-s", generated().toString(),
                "-d", classes().toString(),
                file.toString()));
    }
}
