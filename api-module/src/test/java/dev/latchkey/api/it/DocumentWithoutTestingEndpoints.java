package dev.latchkey.api.it;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The served document as a server without {@code latchkey.testing.clock-control} serves it, worked out from the YAML
 * text alone: the test-only paths go, then the schemas that only they reach, then the tags that only they carry. The
 * suite's server runs with the flag on, so this is how a test compares its document with the committed one.
 */
final class DocumentWithoutTestingEndpoints {
    static final String PATH_PREFIX = "/api/v1/testing/";
    private static final Pattern REF = Pattern.compile("#/components/schemas/([A-Za-z0-9_.-]+)");
    private static final Pattern TAG_ITEM = Pattern.compile(" {6}- (.+)");
    private static final String TAG = "- name: ";

    /** One entry of a block map: lines {@code start} (its key) up to {@code end}, exclusive. */
    private record Block(int start, int end) {
        List<String> of(List<String> lines) {
            return lines.subList(start, end);
        }
    }

    private DocumentWithoutTestingEndpoints() {}

    /** The test-only path keys of a document. */
    static List<String> testingPaths(String yaml) {
        return blocks(yaml.lines().toList(), "paths:", "  ").keySet().stream()
                .filter(DocumentWithoutTestingEndpoints::isTesting)
                .toList();
    }

    static String removed(String yaml) {
        List<String> lines = yaml.lines().toList();
        Map<String, Block> paths = blocks(lines, "paths:", "  ");
        Map<String, Block> schemas = blocks(lines, "  schemas:", "    ");
        List<Block> gone = new ArrayList<>();
        Set<String> goneTags = new HashSet<>();
        Set<String> keptTags = new HashSet<>();
        List<String> kept = new ArrayList<>();
        List<String> removedPaths = new ArrayList<>();
        paths.forEach((key, block) -> {
            boolean testing = isTesting(key);
            (testing ? removedPaths : kept).addAll(block.of(lines));
            if (testing) {
                gone.add(block);
            }
            block.of(lines).stream()
                    .map(TAG_ITEM::matcher)
                    .filter(Matcher::matches)
                    .forEach(tag -> (testing ? goneTags : keptTags).add(tag.group(1)));
        });
        goneTags.removeAll(keptTags);
        // What stays is the other paths and every line outside the paths and the schemas; what they reach stays too.
        Set<Integer> inBlocks = new HashSet<>();
        paths.values().forEach(block -> range(block).forEach(inBlocks::add));
        schemas.values().forEach(block -> range(block).forEach(inBlocks::add));
        for (int i = 0; i < lines.size(); i++) {
            if (!inBlocks.contains(i)) {
                kept.add(lines.get(i));
            }
        }
        Set<String> reachable = reachable(kept, lines, schemas);
        reachable(removedPaths, lines, schemas).stream()
                .filter(name -> !reachable.contains(name))
                .map(schemas::get)
                .filter(block -> block != null)
                .forEach(gone::add);

        Set<Integer> dropped = new HashSet<>();
        gone.forEach(block -> range(block).forEach(dropped::add));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(TAG) && goneTags.contains(lines.get(i).substring(TAG.length()))) {
                dropped.add(i);
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("  "); j++) {
                    dropped.add(j);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!dropped.contains(i)) {
                out.add(lines.get(i));
            }
        }
        return String.join("\n", out) + "\n";
    }

    private static boolean isTesting(String pathKey) {
        return pathKey.replaceAll("^\"|\"$", "").startsWith(PATH_PREFIX);
    }

    private static Set<String> reachable(List<String> from, List<String> lines, Map<String, Block> schemas) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(refs(from));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (seen.add(name) && schemas.containsKey(name)) {
                todo.addAll(refs(schemas.get(name).of(lines)));
            }
        }
        return seen;
    }

    private static List<String> refs(List<String> lines) {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            Matcher ref = REF.matcher(line);
            while (ref.find()) {
                names.add(ref.group(1));
            }
        }
        return names;
    }

    private static List<Integer> range(Block block) {
        List<Integer> indices = new ArrayList<>();
        for (int i = block.start(); i < block.end(); i++) {
            indices.add(i);
        }
        return indices;
    }

    /**
     * The entries of one block map, by key: the lines indented by exactly {@code indent} right under {@code header},
     * each with every deeper or blank line after it (blank lines occur only inside multi-line descriptions).
     */
    private static Map<String, Block> blocks(List<String> lines, String header, String indent) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        int i = lines.indexOf(header) + 1;
        if (i == 0) {
            return blocks;
        }
        while (i < lines.size()
                && lines.get(i).startsWith(indent)
                && !lines.get(i).startsWith(indent + " ")) {
            int start = i++;
            while (i < lines.size() && (lines.get(i).isEmpty() || lines.get(i).startsWith(indent + " "))) {
                i++;
            }
            blocks.put(lines.get(start).strip().replaceAll(":$", ""), new Block(start, i));
        }
        return blocks;
    }
}
