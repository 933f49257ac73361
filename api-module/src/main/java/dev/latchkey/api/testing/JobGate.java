package dev.latchkey.api.testing;

import dev.latchkey.api.jobs.JobHold;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets black-box tests keep requested jobs waiting in {@code created}, so that they can show a second request being
 * refused while the first still holds the slot. Open unless the test-only endpoint closes it; the job runner consults
 * it only with {@code latchkey.testing.clock-control} (every other server never holds a job). A closed gate gives
 * way by itself after {@link #LONGEST_HOLD}, so that a forgetful test cannot stall jobs for good.
 */
@ApplicationScoped
public class JobGate implements JobHold {
    static final Duration LONGEST_HOLD = Duration.ofSeconds(60);
    private static final CompletableFuture<Void> OPEN = CompletableFuture.completedFuture(null);

    private final AtomicReference<CompletableFuture<Void>> gate = new AtomicReference<>(OPEN);

    public void close() {
        gate.compareAndSet(OPEN, new CompletableFuture<>());
    }

    public void open() {
        gate.getAndSet(OPEN).complete(null);
    }

    public boolean isOpen() {
        return gate.get().isDone();
    }

    /** Blocks the calling worker while the gate is closed. */
    @Override
    public void awaitRelease() {
        try {
            gate.get().get(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            open();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the job gate never fails", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
