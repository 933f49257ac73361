package dev.latchkey.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class JobHoldTest {
    private final JobHold testingHold = () -> {};
    private final AtomicInteger lookups = new AtomicInteger();
    private final Supplier<JobHold> lookup = () -> {
        lookups.incrementAndGet();
        return testingHold;
    };

    @Test
    void productionNeverHoldsJobsAndNeverLooksUpAGate() {
        assertThat(JobRunner.hold(false, lookup)).isSameAs(JobHold.NEVER);
        assertThat(lookups).hasValue(0);
    }

    @Test
    void onlyClockControlLetsTheTestingGateHoldJobs() {
        assertThat(JobRunner.hold(true, lookup)).isSameAs(testingHold);
    }
}
