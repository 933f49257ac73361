import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.util.Arrays;

/**
 * How long one argon2id verification takes at Latchkey's default cost (m = 19456 KiB, t = 2, p = 1) on this machine:
 * the floor under a cold key verification. Run with bench/argon2.sh.
 */
public final class Argon2Verify {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
        char[] secret = "lk_benchmark_secret_not_a_real_key".toCharArray();
        String hash = argon2.hash(2, 19_456, 1, secret);
        argon2.verify(hash, secret); // first call loads the native library
        long[] micros = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            argon2.verify(hash, secret);
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("argon2id verify over %d rounds: p10 %.1f ms, median %.1f ms, p90 %.1f ms%n", rounds,
                micros[rounds / 10] / 1000.0, micros[rounds / 2] / 1000.0, micros[rounds * 9 / 10] / 1000.0);
    }
}
