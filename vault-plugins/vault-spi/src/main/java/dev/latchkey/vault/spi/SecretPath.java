package dev.latchkey.vault.spi;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a secret lives: slash-separated segments such as {@code payments/stripe/live}.
 *
 * <p>This is the one path validator every plugin shares, so a path that one vault accepts is
 * accepted by all. A path is relative, at most {@value #MAX_LENGTH} characters, and made of
 * non-empty segments of at most {@value #MAX_SEGMENT_LENGTH} characters; a segment may hold any
 * character except {@code /}, {@code \} and control characters, and must not be {@code .} or
 * {@code ..}. Plugins map paths onto files, aliases or rows knowing nothing can climb out of
 * their storage. Case is significant.
 *
 * @param value the validated path text
 */
public record SecretPath(String value) implements Comparable<SecretPath>, Serializable {

    /** Longest accepted path, in characters. */
    public static final int MAX_LENGTH = 512;
    /** Longest accepted segment, in characters. */
    public static final int MAX_SEGMENT_LENGTH = 128;

    /**
     * Validates a path.
     *
     * @throws InvalidSecretPathException when {@code value} is not a valid path; the message says
     *                                    which rule it breaks
     */
    public SecretPath {
        Objects.requireNonNull(value, "value");
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new InvalidSecretPathException(value, problem.get());
        }
    }

    /**
     * Parses a path.
     *
     * @param value text such as {@code app/db/password}
     * @return the path
     * @throws InvalidSecretPathException when it is not a valid path
     */
    public static SecretPath parse(String value) {
        return new SecretPath(value);
    }

    /**
     * Says why a text is not a valid path, for callers that report rather than throw.
     *
     * @param value the candidate path
     * @return the broken rule in the user's words, or empty when the path is valid
     */
    public static Optional<String> problemWith(String value) {
        if (value.isEmpty()) {
            return Optional.of("a secret path must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("a secret path must be at most " + MAX_LENGTH + " characters long");
        }
        if (value.startsWith("/")) {
            return Optional.of("a secret path must be relative: remove the leading '/'");
        }
        for (String segment : value.split("/", -1)) {
            Optional<String> problem = problemWithSegment(segment);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problemWithSegment(String segment) {
        if (segment.isEmpty()) {
            return Optional.of("a secret path must not contain empty segments ('//' or a trailing '/')");
        }
        if (segment.equals(".") || segment.equals("..")) {
            return Optional.of("a secret path must not contain '.' or '..' segments");
        }
        if (segment.length() > MAX_SEGMENT_LENGTH) {
            return Optional.of(
                    "each segment of a secret path must be at most " + MAX_SEGMENT_LENGTH + " characters long");
        }
        if (segment.chars().anyMatch(c -> Character.isISOControl(c) || c == '\\')) {
            return Optional.of("a secret path must not contain control characters or '\\'");
        }
        return Optional.empty();
    }

    /** The segments, in order; never empty. */
    public List<String> segments() {
        return List.of(value.split("/"));
    }

    /** The last segment. */
    public String name() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    /**
     * Whether this path lies below a prefix, segment by segment.
     *
     * @param prefix the folder
     * @return true when every segment of {@code prefix} starts this path
     */
    public boolean isUnder(Prefix prefix) {
        return prefix.isRoot() || value.startsWith(prefix.value() + "/");
    }

    @Override
    public int compareTo(SecretPath other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * A folder to {@link VaultProvider#list list}: a valid path, or the empty root.
     *
     * @param value the folder text without a trailing slash, or {@code ""} for the root
     */
    public record Prefix(String value) {

        /** Every path. */
        public static final Prefix ROOT = new Prefix("");

        /**
         * Validates a prefix with the rules of {@link SecretPath}.
         *
         * @throws InvalidSecretPathException when it is neither empty nor a valid path
         */
        public Prefix {
            Objects.requireNonNull(value, "value");
            if (!value.isEmpty()) {
                Optional<String> problem = problemWith(value);
                if (problem.isPresent()) {
                    throw new InvalidSecretPathException(value, problem.get());
                }
            }
        }

        /**
         * Parses a prefix, accepting one trailing slash as users often type it ({@code app/}).
         *
         * @param value the folder text
         * @return the prefix
         * @throws InvalidSecretPathException when it is not a valid folder
         */
        public static Prefix parse(String value) {
            boolean trailingSlash = value.endsWith("/") && value.length() > 1;
            return new Prefix(trailingSlash ? value.substring(0, value.length() - 1) : value);
        }

        /** Whether this is the root, which matches every path. */
        public boolean isRoot() {
            return value.isEmpty();
        }

        @Override
        public String toString() {
            return value + "/";
        }
    }
}
