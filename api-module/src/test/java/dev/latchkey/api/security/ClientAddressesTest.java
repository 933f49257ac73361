package dev.latchkey.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.api.config.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    private static final List<Cidr> NONE = List.of();
    private static final List<Cidr> LOAD_BALANCERS = List.of(Cidr.parse("10.0.0.0/8", "s"), Cidr.parse("::1", "s"));

    @Test
    void withoutTrustedProxiesTheSocketPeerIsTheClientAndForwardedForIsIgnored() {
        assertThat(ClientAddresses.resolve("198.51.100.4", List.of("203.0.113.9"), NONE)
                        .value())
                .isEqualTo("198.51.100.4");
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertThat(ClientAddresses.resolve("198.51.100.4", List.of("203.0.113.9"), LOAD_BALANCERS)
                        .value())
                .isEqualTo("198.51.100.4");
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedHopIsTheClient() {
        assertThat(ClientAddresses.resolve("10.1.2.3", List.of("6.6.6.6, 203.0.113.9", "10.9.9.9"), LOAD_BALANCERS)
                        .value())
                .as("what the client wrote itself (6.6.6.6) is not believed")
                .isEqualTo("203.0.113.9");
        assertThat(ClientAddresses.resolve("0:0:0:0:0:0:0:1", List.of("2001:db8::5"), LOAD_BALANCERS)
                        .value())
                .isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void aTrustedProxyWithoutForwardedForOrWithGarbageInItIsTheLastKnownHop() {
        assertThat(ClientAddresses.resolve("10.1.2.3", List.of(), LOAD_BALANCERS)
                        .value())
                .isEqualTo("10.1.2.3");
        assertThat(ClientAddresses.resolve("10.1.2.3", List.of("evil.example.com"), LOAD_BALANCERS)
                        .value())
                .as("host names are never looked up")
                .isEqualTo("10.1.2.3");
    }

    @Test
    void cidrBlocksMatchTheirPrefixOnly() {
        Cidr block = Cidr.parse("192.168.4.0/22", "s");

        assertThat(block.contains(Cidr.literal("192.168.7.255").orElseThrow())).isTrue();
        assertThat(block.contains(Cidr.literal("192.168.8.0").orElseThrow())).isFalse();
        assertThat(block.contains(Cidr.literal("::1").orElseThrow())).isFalse();
    }

    @Test
    void badTrustedProxyEntriesNameTheSetting() {
        assertThatThrownBy(() -> Cidr.parse("proxy.internal", "latchkey.http.trusted-proxies"))
                .hasMessageContaining("latchkey.http.trusted-proxies")
                .hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33", "latchkey.http.trusted-proxies"))
                .hasMessageContaining("0-32");
    }
}
