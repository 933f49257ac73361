package dev.latchkey.api.it;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP/1.1 written byte for byte over a socket, for requests that {@code java.net.http} refuses to send (raw bytes
 * and invalid escapes in the target, unknown methods, odd header values) and to time every answer against one
 * deadline. Each exchange uses its own connection with {@code Connection: close}.
 */
final class RawHttp {
    /** Bodies larger than this are cut: the checks only need the start of an answer. */
    private static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

    private final String host;
    private final int port;
    private final Duration deadline;

    RawHttp(URI base, Duration deadline) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.deadline = deadline;
    }

    /** One header line; the value is sent as ISO-8859-1 bytes, so it may hold any byte. */
    record Header(String name, String value) {}

    /** What came back: a parsed response, or why there was none within the deadline. */
    sealed interface Outcome {
        Duration elapsed();
    }

    record Answer(int status, String reason, Map<String, String> headers, byte[] body, Duration elapsed)
            implements Outcome {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        String text() {
            return new String(body, UTF_8);
        }
    }

    record NoAnswer(String reason, Duration elapsed) implements Outcome {}

    /**
     * Sends {@code method target} with {@code headers} and {@code body}; {@code target} is sent as ISO-8859-1, so a
     * char below 256 becomes exactly that byte on the wire.
     */
    Outcome exchange(String method, String target, List<Header> headers, byte[] body) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) deadline.toMillis());
            socket.setSoTimeout((int) deadline.toMillis());
            write(socket.getOutputStream(), method, target, headers, body);
            return read(socket, start);
        } catch (SocketTimeoutException e) {
            return new NoAnswer("no answer within " + deadline.toSeconds() + " s", since(start));
        } catch (IOException e) {
            return new NoAnswer("connection failed: " + e.getMessage(), since(start));
        }
    }

    private void write(OutputStream out, String method, String target, List<Header> headers, byte[] body) {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach(header ->
                head.append(header.name()).append(": ").append(header.value()).append("\r\n"));
        if (body.length > 0 || !method.equals("GET") && !method.equals("HEAD")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try {
            out.write(head.toString().getBytes(ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // The server may answer (413, 400) and close before it has read all of a large body; read that answer.
        }
    }

    private Outcome read(Socket socket, long start) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int headEnd = -1;
        long expected = -1;
        while (received.size() < MAX_RESPONSE_BYTES) {
            int remaining = (int) (deadline.toMillis() - since(start).toMillis());
            if (remaining <= 0) {
                throw new SocketTimeoutException();
            }
            socket.setSoTimeout(remaining);
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                if (received.size() == 0) {
                    throw e;
                }
                break; // a reset after the answer, e.g. while refusing the rest of a large body
            }
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
            byte[] sofar = received.toByteArray();
            if (headEnd < 0) {
                headEnd = indexOf(sofar, "\r\n\r\n".getBytes(ISO_8859_1));
                if (headEnd >= 0) {
                    expected = contentLength(new String(sofar, 0, headEnd, ISO_8859_1));
                }
            }
            if (headEnd >= 0 && expected >= 0 && sofar.length - headEnd - 4 >= expected) {
                break;
            }
        }
        byte[] all = received.toByteArray();
        if (all.length == 0) {
            return new NoAnswer("connection closed without an answer", since(start));
        }
        int end = headEnd >= 0 ? headEnd : all.length;
        String[] lines = new String(all, 0, end, ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            return new NoAnswer("not an HTTP response: " + lines[0], since(start));
        }
        Map<String, String> headers = new TreeMap<>();
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        byte[] body = headEnd >= 0 ? Arrays.copyOfRange(all, headEnd + 4, all.length) : new byte[0];
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(
                Integer.parseInt(statusLine[1]),
                statusLine.length > 2 ? statusLine[2] : "",
                headers,
                body,
                since(start));
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return -1;
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(Arrays.copyOfRange(chunked, at, chunked.length), "\r\n".getBytes(ISO_8859_1));
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd, ISO_8859_1).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            at += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(chunked, at, Math.min(size, chunked.length - at));
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
