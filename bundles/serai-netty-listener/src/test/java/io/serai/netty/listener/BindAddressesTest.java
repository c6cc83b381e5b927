package io.serai.netty.listener;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BindAddressesTest {

    @Test
    void onlyLoopbackAddressesCountAsLoopback() {
        for (String loopback : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]",
            "0:0:0:0:0:0:0:1", " 127.0.0.1 "}) {
            assertThat(BindAddresses.isLoopback(loopback)).as(loopback).isTrue();
        }
        for (String reachable : new String[] {"0.0.0.0", "::", "192.0.2.10", "mail.example.org", "128.0.0.1",
            "127.0.0.1.example.org", "[2001:db8::1]"}) {
            assertThat(BindAddresses.isLoopback(reachable)).as(reachable).isFalse();
        }
    }
}
