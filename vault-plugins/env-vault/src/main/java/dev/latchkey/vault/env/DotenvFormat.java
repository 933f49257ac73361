package dev.latchkey.vault.env;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes and reads dotenv files. Values are always double-quoted and escaped so that any text
 * without NUL survives a round trip: {@code \\}, {@code \"}, {@code \n}, {@code \r}, {@code \t}
 * and {@code \$} (the last stops docker compose and shell-style loaders from expanding
 * {@code ${...}}). Other characters, Unicode included, are written as they are.
 */
final class DotenvFormat {

    static final String HEADER =
            "# Written by the Latchkey env vault. Edits here are overwritten on the next change.\n";

    private DotenvFormat() {}

    /**
     * The variable name for a secret path: upper case, every character other than a letter, digit
     * or underscore turned into {@code _}, and a leading digit prefixed with {@code _}.
     */
    static String variableName(String secretPath) {
        StringBuilder name = new StringBuilder();
        secretPath
                .toUpperCase(Locale.ROOT)
                .codePoints()
                .forEach(c ->
                        name.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? (char) c : '_'));
        return Character.isDigit(name.charAt(0)) ? "_" + name : name.toString();
    }

    static String render(Map<String, String> variables) {
        StringBuilder out = new StringBuilder(HEADER);
        variables.forEach((name, value) ->
                out.append(name).append("=\"").append(escape(value)).append("\"\n"));
        return out.toString();
    }

    /**
     * Parses {@code NAME="escaped"} and {@code NAME=plain} lines; comments and blank lines are
     * skipped.
     *
     * @return the variables in file order, or empty when a line is malformed
     */
    static Optional<Map<String, String>> parse(String content) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : content.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 1) {
                return Optional.empty();
            }
            Optional<String> value = value(trimmed.substring(equals + 1).strip());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            variables.put(trimmed.substring(0, equals).strip(), value.get());
        }
        return Optional.of(variables);
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$' -> out.append("\\$");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static Optional<String> value(String raw) {
        if (!raw.startsWith("\"")) {
            return Optional.of(raw);
        }
        if (raw.length() < 2 || !raw.endsWith("\"")) {
            return Optional.empty();
        }
        return unescape(raw.substring(1, raw.length() - 1));
    }

    private static Optional<String> unescape(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '"') {
                return Optional.empty();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == quoted.length()) {
                return Optional.empty();
            }
            switch (quoted.charAt(i)) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '\\', '"', '$' -> out.append(quoted.charAt(i));
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(out.toString());
    }
}
