package io.matgrad.processor.parse;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.testing.Classpath;
import io.matgrad.processor.testing.Compilations;
import java.io.File;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Compiles test sources with {@link ParseOnlyProcessor}, against the runtime on the test classpath,
 * for tests of the IR the parser builds. Tests of diagnostics compile with the real processor
 * ({@link Compilations}), as users do.
 */
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
        return Compilations.models(members);
    }

    static Result compile(JavaFileObject... sources) {
        return compile(Classpath.current(), sources);
    }

    /** Compiles without matgrad-runtime on the classpath. */
    static Result compileWithoutRuntime(JavaFileObject... sources) {
        return compile(Compilations.withoutRuntime(), sources);
    }

    private static Result compile(List<File> classpath, JavaFileObject... sources) {
        ParseOnlyProcessor processor = new ParseOnlyProcessor();
        Compilation compilation = Compiler.javac().withProcessors(processor).withClasspath(classpath).compile(sources);
        return new Result(compilation, Map.copyOf(processor.functions));
    }
}
