package dev.latchkey.vault.file;

import dev.latchkey.vault.spi.SecretPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content of a leaf file, in the shape of Vault's file backend entries:
 * {@code {"key":"<path>","value":"<base64>"}}. The value is the sealed history; the key is there
 * for people and tools browsing the tree, and is not trusted on read (the sealed history carries
 * its own path, authenticated).
 *
 * <p>A dependency-free writer and reader for this one flat shape is enough: the value is base64,
 * which needs no JSON escaping, and only the key needs escaping on write.
 */
final class EntryFile {

    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([A-Za-z0-9+/=]*)\"");

    private EntryFile() {}

    static byte[] render(SecretPath path, byte[] sealed) {
        String json = "{\"key\":\"" + jsonEscape(path.value()) + "\",\"value\":\""
                + Base64.getEncoder().encodeToString(sealed) + "\"}\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The sealed bytes, or empty when the text is not an entry. */
    static Optional<byte[]> parse(byte[] content) {
        Matcher value = VALUE.matcher(new String(content, StandardCharsets.UTF_8));
        return value.find() ? Optional.of(Base64.getDecoder().decode(value.group(1))) : Optional.empty();
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
