import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slow-body load against a Latchkey server on loopback: N connections each send the headers of a sign-in request
 * and then one byte of its body every interval, reconnecting whenever the server cuts them off, while a separate
 * client asks GET /api/v1/ping once a second. Prints the ping latencies; exits 1 if any ping took 1 s or more or
 * failed. Usage: java SlowBodies.java PORT [connections=300] [seconds=60] [byte-interval-seconds=5]
 */
public final class SlowBodies {
    private static final Duration PING_LIMIT = Duration.ofSeconds(1);

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        long interval = (args.length > 3 ? Long.parseLong(args[3]) : 5) * 1000;
        long end = System.currentTimeMillis() + seconds * 1000L;
        AtomicInteger open = new AtomicInteger();
        AtomicInteger cut = new AtomicInteger();

        List<Thread> tricklers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            tricklers.add(Thread.ofVirtual().start(() -> trickle(port, interval, end, open, cut)));
        }
        Thread.sleep(Math.min(interval + 1000, seconds * 1000L / 2)); // let every connection reach its body

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> millis = new ArrayList<>();
        int failures = 0;
        while (System.currentTimeMillis() < end) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ping"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    failures++;
                }
                millis.add((System.nanoTime() - start) / 1_000_000);
            } catch (IOException e) {
                failures++;
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            Thread.sleep(1000);
        }
        for (Thread t : tricklers) {
            t.join();
        }
        System.out.println("ping latencies in order (ms): " + millis);
        millis = new ArrayList<>(millis);
        Collections.sort(millis);
        long max = millis.isEmpty() ? -1 : millis.get(millis.size() - 1);
        long median = millis.isEmpty() ? -1 : millis.get(millis.size() / 2);
        System.out.printf("slow connections: %d (open at the end of the run: %d, cut off by the server: %d)%n",
                connections, open.get(), cut.get());
        System.out.printf("pings: %d, failed: %d, median %d ms, max %d ms (limit %d ms)%n",
                millis.size(), failures, median, max, PING_LIMIT.toMillis());
        System.exit(failures == 0 && max < PING_LIMIT.toMillis() && !millis.isEmpty() ? 0 : 1);
    }

    /** Keeps one slow sign-in going until the end, starting a new one whenever the server closes the connection. */
    private static void trickle(int port, long interval, long end, AtomicInteger open, AtomicInteger cut) {
        byte[] headers = ("POST /api/v1/auth/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        while (System.currentTimeMillis() < end) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                open.incrementAndGet();
                try {
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    out.write(headers);
                    out.write('{');
                    out.flush();
                    while (System.currentTimeMillis() < end) {
                        Thread.sleep(interval);
                        if (in.available() > 0) {
                            break; // the server answered (refused) the request; start another
                        }
                        out.write(' ');
                        out.flush();
                    }
                } finally {
                    open.decrementAndGet();
                }
                if (System.currentTimeMillis() < end) {
                    cut.incrementAndGet();
                }
            } catch (IOException e) {
                cut.incrementAndGet(); // reset by the server while writing
                sleepQuietly(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
