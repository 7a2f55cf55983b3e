package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.168.1.5", "2001:db8:a::/48"));

    @Test
    void withoutTrustedProxiesTheClientIsThePeerWhateverItForwards() {
        TrustedProxies none = new TrustedProxies(List.of());
        assertThat(none.clientAddress(ip("10.1.2.3"), List.of("203.0.113.9"))).isEqualTo("10.1.2.3");
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(proxies.clientAddress(ip("198.51.100.4"), List.of("203.0.113.9"))).isEqualTo("198.51.100.4");
        assertThat(proxies.clientAddress(ip("10.255.0.1"), List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress(ip("11.0.0.1"), List.of("203.0.113.9"))).as("just outside 10.0.0.0/8")
                .isEqualTo("11.0.0.1");
        assertThat(proxies.clientAddress(ip("192.168.1.6"), List.of("203.0.113.9"))).as("a single address trusts only itself")
                .isEqualTo("192.168.1.6");
    }

    @Test
    void behindAChainOfProxiesTheClientIsTheRightMostAddressThatIsNotAProxy() {
        // The client wrote "1.1.1.1" itself; the load balancer (10.0.0.2) and an ingress (192.168.1.5) appended.
        assertThat(proxies.clientAddress(ip("10.0.0.7"), List.of("1.1.1.1, 203.0.113.9, 10.0.0.2", "192.168.1.5")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void whenEveryHopIsAProxyTheLeftMostIsTheClient() {
        assertThat(proxies.clientAddress(ip("10.0.0.7"), List.of("10.9.9.9,10.0.0.2"))).isEqualTo("10.9.9.9");
        assertThat(proxies.clientAddress(ip("10.0.0.7"), List.of())).as("no header: the peer").isEqualTo("10.0.0.7");
    }

    @Test
    void anEntryThatIsNoAddressEndsTheWalkAtTheLastAddressRead() {
        assertThat(proxies.clientAddress(ip("10.0.0.7"), List.of("203.0.113.9, unknown, 10.0.0.2"))).isEqualTo("10.0.0.2");
        assertThat(proxies.clientAddress(ip("10.0.0.7"), List.of("evil.example.com"))).isEqualTo("10.0.0.7");
    }

    @Test
    void portsAndBracketsAsProxiesWriteThemAreRead() {
        assertThat(proxies.clientAddress(ip("10.0.0.7"), List.of("203.0.113.9:4711"))).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress(ip("10.0.0.7"), List.of("[2001:db8:b::1]:4711")))
                .isEqualTo(ip("2001:db8:b::1").getHostAddress());
    }

    @Test
    void ipv6PeersRangesAndClients() {
        assertThat(proxies.clientAddress(ip("2001:db8:a:ffff::1"), List.of("2001:db8:b::7, 2001:db8:a::2")))
                .isEqualTo(ip("2001:db8:b::7").getHostAddress());
        assertThat(proxies.clientAddress(ip("2001:db8:b::1"), List.of("203.0.113.9"))).as("outside the /48")
                .isEqualTo(ip("2001:db8:b::1").getHostAddress());
        assertThat(proxies.clientAddress(ip("10.0.0.7"), List.of("::ffff:203.0.113.9")))
                .as("an IPv4-mapped address is the IPv4 client").isEqualTo("203.0.113.9");
        assertThat(proxies.trusts(ip("::ffff:10.1.1.1"))).isTrue();
    }

    @Test
    void aRangeThatIsNotOneIsRefusedAtStartup() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33")))
                .hasMessageContaining("COACHOS_TRUSTED_PROXIES").hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.internal")))
                .hasMessageContaining("proxy.internal");
    }

    private static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }
}
