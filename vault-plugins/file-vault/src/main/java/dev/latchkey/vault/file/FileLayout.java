package dev.latchkey.vault.file;

import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.UnsupportedSecretException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps secret paths onto files as Vault's file backend does: every segment but the last is a
 * directory, the last is a file named {@code _<name>}.
 *
 * <p>Unlike Vault, segments are percent-encoded so that the mapping is injective even on
 * case-insensitive file systems and no directory can start with {@code _} (which would collide
 * with a leaf) or {@code .} (reserved for temp files): only {@code a-z}, {@code 0-9}, {@code -}
 * and a non-leading {@code .} stay as they are; every other byte of the UTF-8 form becomes
 * {@code %XX} with upper-case hex.
 */
final class FileLayout {

    static final String LEAF_PREFIX = "_";

    /** Leaves room for the leaf prefix and the temp-file suffix within the usual 255-byte limit. */
    private static final int MAX_ENCODED_SEGMENT = 230;

    private final Path root;

    FileLayout(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The file holding a secret's history. */
    Path fileOf(SecretPath path) {
        List<String> segments = path.segments();
        Path directory = root;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            directory = directory.resolve(encode(segment));
        }
        return directory.resolve(LEAF_PREFIX + encode(path.name()));
    }

    /** The directory holding everything below a prefix. */
    Path directoryOf(SecretPath.Prefix prefix) {
        Path directory = root;
        if (!prefix.isRoot()) {
            for (String segment : prefix.value().split("/")) {
                directory = directory.resolve(encode(segment));
            }
        }
        return directory;
    }

    /** The secret path of a leaf file, or empty for any other file. */
    Optional<SecretPath> pathOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(LEAF_PREFIX)) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (Path part : root.relativize(file.getParent())) {
            segments.add(decode(part.toString()));
        }
        segments.add(decode(name.substring(LEAF_PREFIX.length())));
        return Optional.of(SecretPath.parse(String.join("/", segments)));
    }

    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        byte[] utf8 = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xff;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || (b == '.' && i > 0);
            out.append(plain ? String.valueOf((char) b) : String.format("%%%02X", b));
        }
        if (out.length() > MAX_ENCODED_SEGMENT) {
            throw new UnsupportedSecretException("The file vault cannot store a path segment this long once encoded for"
                    + " the file system; use shorter segments or fewer non-ASCII characters.");
        }
        return out.toString();
    }

    static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(encoded, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
