package io.serai.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

class TrustedNetworksTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void loopbackTrustsTheWholeIpv4BlockAndIpv6OneAddressOnly() throws Exception {
        TrustedNetworks loopback = TrustedNetworks.LOOPBACK;
        assertThat(loopback.contains(ip("127.0.0.1"))).isTrue();
        assertThat(loopback.contains(ip("127.200.3.4"))).isTrue();
        assertThat(loopback.contains(ip("::1"))).isTrue();
        assertThat(loopback.contains(ip("::ffff:127.0.0.1"))).isTrue();
        assertThat(loopback.contains(ip("128.0.0.1"))).isFalse();
        assertThat(loopback.contains(ip("10.0.0.1"))).isFalse();
        assertThat(loopback.contains(ip("::2"))).isFalse();
        assertThat(loopback.contains(new InetSocketAddress(ip("127.0.0.1"), 143))).isTrue();
        assertThat(loopback.contains((java.net.SocketAddress) null)).isFalse();
        assertThat(loopback.loopbackOnly()).isTrue();
    }

    @Test
    void prefixesThatDoNotEndOnAByteBoundary() throws Exception {
        TrustedNetworks net = TrustedNetworks.parse("192.168.4.0/22 2001:db8::/33");
        assertThat(net.contains(ip("192.168.7.255"))).isTrue();
        assertThat(net.contains(ip("192.168.8.0"))).isFalse();
        assertThat(net.contains(ip("192.168.3.255"))).isFalse();
        assertThat(net.contains(ip("2001:db8:7fff::1"))).isTrue();
        assertThat(net.contains(ip("2001:db8:8000::1"))).isFalse();
        assertThat(net.loopbackOnly()).isFalse();
        assertThat(TrustedNetworks.parse("0.0.0.0/0").contains(ip("8.8.8.8"))).isTrue();
        assertThat(TrustedNetworks.parse("10.1.2.3").contains(ip("10.1.2.4"))).isFalse();
    }

    @Test
    void emptyTrustsNothing() throws Exception {
        assertThat(TrustedNetworks.parse("").contains(ip("127.0.0.1"))).isFalse();
        assertThat(TrustedNetworks.parse(" ").isEmpty()).isTrue();
        assertThat(TrustedNetworks.NONE.contains(ip("::1"))).isFalse();
    }

    @Test
    void anythingButNumericAddressesIsRefusedByName() {
        for (String bad : new String[] {"localhost", "127.0.0.1/33", "::1/129", "10.0.0/8", "10.0.0.0/", "10.0.0.0/x",
                "example.org/24", "1.2.3.4/-1"}) {
            assertThatThrownBy(() -> TrustedNetworks.parse("127.0.0.1, " + bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
    }
}
