package dev.latchkey.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest
    @ValueSource(strings = {"dead.beef", "cafe.bad.face", "999.1.1.1", "1.2.3", "1.2.3.4.5", "localhost", "a.b", ""})
    void textThatIsNotAnAddressLiteralIsRefusedWithoutALookup(String text) {
        // Each of these would have gone to DNS through InetAddress.getByName: a request thread waiting on a resolver.
        assertThat(Cidr.literal(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "127.0.0.1", "255.255.255.255", "::1", "2001:db8::7", "::ffff:10.0.0.1"})
    void addressLiteralsAreParsed(String text) throws Exception {
        assertThat(Cidr.literal(text)).contains(InetAddress.getByName(text));
    }

    @Test
    void aBlockContainsItsAddressesOnly() {
        Cidr block = Cidr.parse("10.0.0.0/8", "setting");

        assertThat(block.contains(Cidr.literal("10.200.3.4").orElseThrow())).isTrue();
        assertThat(block.contains(Cidr.literal("11.0.0.1").orElseThrow())).isFalse();
        assertThat(block.contains(Cidr.literal("::1").orElseThrow())).isFalse();
    }
}
