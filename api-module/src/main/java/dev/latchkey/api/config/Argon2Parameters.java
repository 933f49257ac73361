package dev.latchkey.api.config;

/**
 * The argon2id cost: memory in KiB, passes over it, and lanes.
 *
 * <p>The bounds are argon2's own (RFC 9106 §3.1): memory must cover at least 8 KiB per lane.
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism) {

    public Argon2Parameters {
        if (parallelism < 1 || parallelism > 0xFF_FFFF) {
            throw new IllegalArgumentException(
                    LatchkeyConfig.ARGON2_PARALLELISM + " must be 1 to 16777215, got " + parallelism);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException(
                    LatchkeyConfig.ARGON2_ITERATIONS + " must be at least 1, got " + iterations);
        }
        if (memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException(LatchkeyConfig.ARGON2_MEMORY_KIB + " must be at least 8 × "
                    + LatchkeyConfig.ARGON2_PARALLELISM + " (" + 8 * parallelism + "), got " + memoryKib);
        }
    }
}
