package io.matgrad.processor.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;

/**
 * The source text of trees, for messages and for the origins of dimension requirements
 * ({@code "mult(A, x)"}), with runs of white space made one space. Falls back to javac's rendering
 * of the tree when positions are unknown (javac records end positions only for some clients).
 */
final class SourceText {
    private final SourcePositions positions;
    private final CompilationUnitTree unit;
    private CharSequence content;
    private boolean contentRead;

    SourceText(Trees trees, CompilationUnitTree unit) {
        this.positions = trees.getSourcePositions();
        this.unit = unit;
    }

    String of(Tree tree) {
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        CharSequence text = content();
        if (text != null && 0 <= start && start < end && end <= text.length()) {
            return collapse(text.subSequence((int) start, (int) end));
        }
        return collapse(tree.toString());
    }

    private CharSequence content() {
        if (!contentRead) {
            contentRead = true;
            try {
                content = unit.getSourceFile().getCharContent(true);
            } catch (IOException | RuntimeException e) {
                content = null; // fall back to javac's rendering
            }
        }
        return content;
    }

    private static String collapse(CharSequence s) {
        return s.toString().strip().replaceAll("\\s+", " ");
    }
}
