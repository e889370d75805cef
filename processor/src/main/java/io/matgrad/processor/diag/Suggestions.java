package io.matgrad.processor.diag;

import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the known name closest to a misspelt one. */
public final class Suggestions {
    private Suggestions() {}

    /**
     * The candidate closest to {@code name}, if any is close enough to be a plausible misspelling:
     * within an edit distance of about a third of the name (case is ignored, an adjacent swap counts
     * as one edit), or, for names of at least three letters, a prefix of the other ({@code multiply}
     * for {@code mult}). Ties go to the earlier candidate.
     */
    public static Optional<String> closest(String name, Iterable<String> candidates) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int distance = distance(wanted, c);
            boolean close = distance <= Math.max(1, Math.min(wanted.length(), c.length()) / 3);
            boolean prefix = Math.min(wanted.length(), c.length()) >= 3 && (wanted.startsWith(c) || c.startsWith(wanted));
            if ((close || prefix) && distance < bestScore) {
                best = candidate;
                bestScore = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
