package dev.latchkey.api.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * Reads a request body into memory up to {@link #MAX_BYTES} and checks that JSON is complete and well formed before
 * anything binds it.
 *
 * <p>The check exists because Parsson 1.1.7 (Payara's JSON-P) spins forever in {@code JsonParserImpl.skipArray} and
 * {@code skipObject} when Yasson skips an unknown member of truncated JSON such as {@code {"x":[}: the skip loops test
 * for the closing bracket but not for the end of input. Upstream report:
 * https://github.com/eclipse-ee4j/parsson/issues/23. Walking the document with {@link JsonParser#next()}, which does
 * detect the end of input, first means that Yasson only ever sees a complete document, where skipping ends.
 */
final class RequestBody {
    /** The largest body any operation accepts: 64 KiB, documented in docs/api.md and the OpenAPI document. */
    static final int MAX_BYTES = 64 * 1024;

    /**
     * The deepest nesting any body may have: no operation's schema goes past four levels. Parsson's own limit (1000)
     * is reported as a bare RuntimeException, which would otherwise surface as a 500.
     */
    static final int MAX_DEPTH = 32;

    private static final int CHUNK = 8 * 1024;

    private RequestBody() {}

    /** Thrown when a body is longer than {@link #MAX_BYTES}, by its declared length or by what arrived. */
    static final class TooLargeException extends Exception {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("the request body is larger than " + MAX_BYTES + " bytes");
        }
    }

    /** Thrown when a body is not one complete, well-formed JSON value. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(Throwable cause) {
            super("the body is not valid JSON for this operation; check its syntax and member types", cause);
        }

        MalformedException(String detail) {
            super(detail);
        }
    }

    /**
     * Reads {@code in} to its end, refusing it as soon as either the declared length or the bytes read exceed the
     * limit, so that an oversized body is never held whole.
     */
    static byte[] read(InputStream in, OptionalLong declaredLength) throws IOException, TooLargeException {
        if (declaredLength.isPresent() && declaredLength.getAsLong() > MAX_BYTES) {
            throw new TooLargeException();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
            if (body.size() + n > MAX_BYTES) {
                throw new TooLargeException();
            }
            body.write(chunk, 0, n);
        }
        return body.toByteArray();
    }

    /** Accepts exactly one complete JSON value with nothing after it; an empty body is left to the operation. */
    static void requireWellFormedJson(byte[] body) throws MalformedException {
        if (body.length == 0) {
            return;
        }
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            // next() reports an early end of input, and hasNext() trailing content, as a JsonParsingException.
            int depth = 0;
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_DEPTH) {
                            throw new MalformedException("the body nests objects and arrays deeper than " + MAX_DEPTH
                                    + " levels; no operation takes more than a few");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {
                        // values need no bookkeeping
                    }
                }
            }
        } catch (JsonException e) {
            // JsonParsingException for bad syntax, a plain JsonException for bytes that are not text in any encoding.
            throw new MalformedException(e);
        }
    }
}
