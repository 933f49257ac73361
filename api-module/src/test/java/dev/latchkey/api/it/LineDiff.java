package dev.latchkey.api.it;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts, line by line, so a failing comparison shows what changed and not just that it did. */
final class LineDiff {
    private static final int CONTEXT = 3;

    private LineDiff() {}

    /** The hunks that turn {@code before} into {@code after}; empty when they are equal. */
    static String unified(String beforeName, String before, String afterName, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        List<String> edits = edits(a, b);
        if (edits.stream().allMatch(line -> line.startsWith(" "))) {
            return "";
        }
        // Show every line within CONTEXT lines of a change; each run of shown lines is one hunk.
        boolean[] shown = new boolean[edits.size()];
        for (int i = 0; i < edits.size(); i++) {
            if (!edits.get(i).startsWith(" ")) {
                for (int k = Math.max(0, i - CONTEXT); k <= Math.min(edits.size() - 1, i + CONTEXT); k++) {
                    shown[k] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder("--- " + beforeName + "\n+++ " + afterName + "\n");
        for (int i = 0; i < edits.size(); i++) {
            if (shown[i] && (i == 0 || !shown[i - 1])) {
                out.append("@@ line ").append(lineOf(edits, i)).append(" @@\n");
            }
            if (shown[i]) {
                out.append(edits.get(i)).append('\n');
            }
        }
        return out.toString();
    }

    private static int lineOf(List<String> edits, int index) {
        return 1
                + (int) edits.subList(0, index).stream()
                        .filter(line -> !line.startsWith("+"))
                        .count();
    }

    /** The classic longest-common-subsequence edit script: a document of a few thousand lines costs milliseconds. */
    private static List<String> edits(List<String> a, List<String> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                edits.add(" " + a.get(i++));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                edits.add("-" + a.get(i++));
            } else {
                edits.add("+" + b.get(j++));
            }
        }
        a.subList(i, a.size()).forEach(line -> edits.add("-" + line));
        b.subList(j, b.size()).forEach(line -> edits.add("+" + line));
        return edits;
    }
}
