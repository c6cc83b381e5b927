package io.serai.pop3.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.store.api.MailStore;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Defaults and validation of the configuration and of the locks. */
class Pop3ServerConfigTest {

    private static final MailStore STORE = (MailStore) Proxy.newProxyInstance(MailStore.class.getClassLoader(),
            new Class<?>[] {MailStore.class}, (p, m, a) -> null);

    @Test
    void defaultsAreSafe() {
        Pop3ServerConfig config = Pop3ServerConfig.builder().store(STORE).build();
        assertThat(config.bindHost()).isEqualTo("127.0.0.1");
        assertThat(config.userWithoutTls()).isFalse();
        assertThat(config.implicitTls()).isFalse();
        assertThat(config.sslContext()).isEmpty();
        assertThat(config.credentials()).isEmpty();
        assertThat(config.locks()).isNotNull();
        assertThat(config.limits()).isEqualTo(Limits.defaults());
        assertThat(config.limits().idleTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void invalidConfigurationsAreRefused() {
        assertThatThrownBy(() -> Pop3ServerConfig.builder().build()).hasMessageContaining("store");
        assertThatThrownBy(() -> Pop3ServerConfig.builder().store(STORE).bind("127.0.0.1", 70000).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pop3ServerConfig.builder().store(STORE).sessionThreads(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pop3ServerConfig.builder().implicitTls(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Limits.defaults().withConnections(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limits.defaults().withAuthFailures(3, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void locksAreExclusivePerAccountIgnoringCase() throws Exception {
        MaildropLocks locks = new MaildropLocks();
        MaildropLocks.Lease lease = locks.tryLock("Alice@Example.org").orElseThrow();
        assertThat(locks.tryLock("alice@example.org")).isEmpty();
        assertThat(locks.tryLock("bob@example.org")).isPresent();
        lease.close();
        lease.close(); // idempotent: must not free a lock taken meanwhile by another session
        MaildropLocks.Lease again = locks.tryLock("alice@example.org").orElseThrow();
        lease.close();
        assertThat(locks.isLocked("alice@example.org")).isTrue();
        again.close();
        assertThat(locks.isLocked("alice@example.org")).isFalse();
    }
}
