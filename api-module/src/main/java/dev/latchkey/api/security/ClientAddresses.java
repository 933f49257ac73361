package dev.latchkey.api.security;

import dev.latchkey.api.config.Cidr;
import dev.latchkey.api.config.LatchkeyConfig;
import dev.latchkey.domain.shared.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Which client a request comes from, for throttling: the socket's peer, unless the operator named
 * that peer in {@value LatchkeyConfig#TRUSTED_PROXIES}. Then {@code X-Forwarded-For} is read from
 * the right, skipping trusted proxies, and the first address that is not one is the client; what a
 * client writes further left is its own claim and is never believed.
 */
@ApplicationScoped
public class ClientAddresses {
    static final String FORWARDED_FOR = "X-Forwarded-For";

    @Inject
    LatchkeyConfig config;

    public ClientAddress of(HttpServletRequest request) {
        List<String> forwarded = request.getHeaders(FORWARDED_FOR) == null
                ? List.of()
                : Collections.list(request.getHeaders(FORWARDED_FOR));
        return resolve(request.getRemoteAddr(), forwarded, config.trustedProxies());
    }

    static ClientAddress resolve(String peer, List<String> forwardedForHeaders, List<Cidr> trusted) {
        Optional<InetAddress> hop = Cidr.literal(peer);
        if (hop.isEmpty()) {
            return new ClientAddress(peer == null || peer.isBlank() ? "unknown" : truncate(peer));
        }
        List<String> chain = new ArrayList<>();
        for (String header : forwardedForHeaders) {
            for (String entry : header.split(",")) {
                chain.add(entry.strip());
            }
        }
        InetAddress client = hop.get();
        for (int i = chain.size() - 1; i >= 0 && isTrusted(client, trusted); i--) {
            Optional<InetAddress> next = Cidr.literal(chain.get(i));
            if (next.isEmpty()) {
                // A trusted proxy passed on something that is not an address; the proxy is the last hop we know.
                break;
            }
            client = next.get();
        }
        return new ClientAddress(client.getHostAddress());
    }

    private static boolean isTrusted(InetAddress address, List<Cidr> trusted) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    private static String truncate(String text) {
        return text.length() > 64 ? text.substring(0, 64) : text;
    }
}
