package io.matgrad.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A piece of source that claims to be taken from a larger one, with {@code ...} where it leaves
 * something out: each run of text between two {@code ...} must occur in the source, in order.
 * Layout does not count (line breaks, indentation, a Javadoc comment on one line or on several),
 * every other character does.
 */
final class Excerpt {
    private static final String ELISION = "...";
    private final List<String> pieces;

    Excerpt(String excerpt) {
        this.pieces = Arrays.stream(normalize(excerpt).split(java.util.regex.Pattern.quote(ELISION)))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /** The first piece not found in {@code source} (in order), or empty if the excerpt is faithful. */
    Optional<String> firstMismatch(String source) {
        String text = normalize(source);
        int from = 0;
        for (String piece : pieces) {
            int at = text.indexOf(piece, from);
            if (at < 0) {
                return Optional.of(piece);
            }
            from = at + piece.length();
        }
        return Optional.empty();
    }

    int pieces() {
        return pieces.size();
    }

    /**
     * The text without its layout: lines stripped and joined by one space, and inside comments the
     * leading {@code *} of each continued line dropped.
     */
    static String normalize(String code) {
        List<String> words = new ArrayList<>();
        boolean inComment = false;
        for (String line : code.lines().map(String::strip).toList()) {
            if (inComment && line.startsWith("*") && !line.startsWith("*/")) {
                line = line.substring(1).strip();
            }
            int open = line.lastIndexOf("/*");
            int close = line.lastIndexOf("*/");
            if (open >= 0 || close >= 0) {
                inComment = open > close;
            }
            if (!line.isEmpty()) {
                words.add(line);
            }
        }
        return String.join(" ", words).replaceAll("\\s+", " ");
    }
}
