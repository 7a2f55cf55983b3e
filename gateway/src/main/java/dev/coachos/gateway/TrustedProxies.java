package dev.coachos.gateway;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who the client is, for the per-address limits. The TCP peer, unless the peer is one of the proxies
 * in {@code coachos.gateway.trusted-proxies} (addresses or CIDR ranges, IPv4 or IPv6): then the
 * client is the right-most address in {@code X-Forwarded-For} that is not itself a trusted proxy
 * (each proxy appends the address it was called from, so everything to the left of that one was
 * written by someone the gateway cannot vouch for). A peer that is not trusted cannot choose its
 * own bucket: its {@code X-Forwarded-For} is not read.
 */
@Component
final class TrustedProxies {

    private static final String CLIENT_ATTRIBUTE = TrustedProxies.class.getName() + ".client";

    private final List<Range> ranges;

    @Autowired
    TrustedProxies(RateLimitProperties properties) {
        this(properties.trustedProxies());
    }

    TrustedProxies(List<String> cidrs) {
        this.ranges = cidrs.stream().map(Range::parse).toList();
    }

    /**
     * The client of a request, judged once per request: the rate limit and the header the services
     * receive ({@link ForwardedClientAddress}) ask for it, and the exchange keeps the answer.
     */
    String clientAddress(ServerWebExchange exchange) {
        String known = exchange.getAttribute(CLIENT_ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String client = judge(exchange);
        exchange.getAttributes().put(CLIENT_ATTRIBUTE, client);
        return client;
    }

    private String judge(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return "unknown";
        }
        if (ranges.isEmpty()) {
            return peer.getHostAddress();
        }
        return clientAddress(peer, exchange.getRequest().getHeaders().getValuesAsList("X-Forwarded-For"));
    }

    /**
     * The client behind {@code peer}, given the X-Forwarded-For values as received (one entry per
     * comma, header lines in order). When every address is a trusted proxy, the left-most one; an
     * entry that is not an address ends the walk at the last one read.
     */
    String clientAddress(InetAddress peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            hops.addAll(Arrays.asList(value.split(",")));
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = address(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    boolean trusts(InetAddress address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An address as proxies write it ({@code 203.0.113.7}, {@code 203.0.113.7:4711}, {@code [2001:db8::1]:4711}), else null. */
    private static InetAddress address(String entry) {
        String text = entry.strip();
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            text = end < 0 ? text : text.substring(1, end);
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            text = text.substring(0, text.indexOf(':'));
        }
        try {
            // A literal only: never a name to look up.
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    /** An address with the number of leading bits that must match. */
    private record Range(byte[] network, int bits) {

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress address;
            int bits;
            try {
                address = InetAddress.ofLiteral(slash < 0 ? cidr : cidr.substring(0, slash));
                int max = address.getAddress().length * 8;
                bits = slash < 0 ? max : Integer.parseInt(cidr.substring(slash + 1));
                if (bits < 0 || bits > max) {
                    throw new IllegalArgumentException("prefix length out of range");
                }
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("coachos.gateway.trusted-proxies (COACHOS_TRUSTED_PROXIES): '" + cidr
                        + "' is not an address or a CIDR range such as 10.0.0.0/8 or 2001:db8::/32", invalid);
            }
            return new Range(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest);
            return (candidate[whole] & mask) == (network[whole] & mask);
        }
    }
}
