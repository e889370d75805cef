package io.matgrad.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's code as the packaged processor really treats it: its model compiles, and every
 * excerpt it presents as generated code is what the processor writes for that model. (Its pom is
 * built by the invoker project {@code src/it/readme-consumer}.)
 */
class ReadmeIT {
    @TempDir
    Path work;

    private static Readme readme() {
        return Readme.read(Path.of(UserCompilation.file("matgrad.readme")));
    }

    @Test
    void everyExcerptOfGeneratedCodeIsWhatTheProcessorWritesForTheReadmesModel() throws Exception {
        Readme readme = readme();
        List<Readme.Block> excerpts = readme.all("generated");
        assertFalse(excerpts.isEmpty(), "README.md marks no excerpt of generated code");

        UserCompilation compilation = new UserCompilation(work);
        UserCompilation.Result result = compilation.javac(readme.text("source", "Models.java"));
        assertTrue(result.succeeded(), result.output());
        assertEquals("", result.output(), "javac printed warnings for the README's model");

        for (Readme.Block excerpt : excerpts) {
            Path file = compilation.generated().resolve(excerpt.name());
            assertTrue(Files.isRegularFile(file), "the processor wrote no " + excerpt.name());
            String generated = Files.readString(file, StandardCharsets.UTF_8);
            new Excerpt(excerpt.text()).firstMismatch(generated).ifPresent(piece -> fail(
                    "README.md's excerpt of " + excerpt.name() + " is not what the processor writes: this part of it,\n\n"
                            + piece + "\n\nis not in the generated source (in this order):\n\n" + generated));
        }
    }
}
