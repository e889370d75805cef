package io.matgrad.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The code blocks of README.md that tests hold the README to. Each is a fenced block right after an
 * HTML comment {@code <!-- readme-test: KIND NAME ... -->}, invisible on the rendered page:
 * {@code source Models.java} (a source to compile), {@code generated ModelsGradients.java} (an
 * excerpt of what the processor writes for it, {@code ...} marking what is left out),
 * {@code consumer pom.xml} (the pom of a user's project). Also used by the invoker project
 * {@code src/it/readme-consumer}, whose pre-build script writes its pom and source from here.
 */
public final class Readme {
    private static final String MARKER = "<!-- readme-test: ";
    private static final String FENCE = "```";

    /** A marked block: what the marker says it is, and its text. */
    public record Block(String kind, String name, String text) {}

    private final List<Block> blocks;

    private Readme(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** The marked blocks of the README at {@code path}. */
    public static Readme read(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Readme parse(String markdown) {
        List<Block> blocks = new ArrayList<>();
        for (int at = markdown.indexOf(MARKER); at >= 0; at = markdown.indexOf(MARKER, at + 1)) {
            int close = markdown.indexOf("-->", at);
            String[] words = markdown.substring(at + MARKER.length(), close).strip().split("\\s+");
            int fence = markdown.indexOf(FENCE, close);
            if (words.length < 2 || fence < 0 || !markdown.substring(close + 3, fence).isBlank()) {
                throw new IllegalStateException("README.md: a readme-test marker must name a kind and a file,"
                        + " and stand right above a fenced block: " + markdown.substring(at, close + 3));
            }
            int start = markdown.indexOf('\n', fence) + 1;
            int end = markdown.indexOf("\n" + FENCE, start);
            blocks.add(new Block(words[0], words[1], markdown.substring(start, end + 1)));
        }
        return new Readme(blocks);
    }

    /** Every block of {@code kind}. */
    public List<Block> all(String kind) {
        return blocks.stream().filter(b -> b.kind().equals(kind)).toList();
    }

    /** The text of the one block of {@code kind} named {@code name}. */
    public String text(String kind, String name) {
        List<Block> found = blocks.stream().filter(b -> b.kind().equals(kind) && b.name().equals(name)).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("README.md has " + found.size() + " blocks marked <!-- readme-test: "
                    + kind + " " + name + " -->, not one");
        }
        return found.get(0).text();
    }

    /** {@link #read}, then {@link #text}: for scripts. */
    public static String text(String readme, String kind, String name) {
        return read(Path.of(readme)).text(kind, name);
    }
}
