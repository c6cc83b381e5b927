package io.serai.store.support.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.store.api.StoreException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.org", "Mail.Example.ORG", "a-b.c0.test", "xn--bcher-kva.example",
            "bücher.example", "123.test"})
    void acceptsDomains(String domain) throws StoreException {
        assertThat(Names.domain(" " + domain + " ")).isEqualTo(domain.toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a domain", "user@example.org", "example..org", ".example.org",
            "example.org.", "-example.org", "example-.org", "exa_mple.org", "exa\tmple.org", "exa\u0000mple.org",
            "[127.0.0.1]"})
    void refusesWhatIsNotADomain(String domain) {
        assertThatThrownBy(() -> Names.domain(domain)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("not a domain");
    }

    @org.junit.jupiter.api.Test
    void limitsLabelAndDomainLength() throws StoreException {
        String label63 = "a".repeat(63);
        assertThat(Names.domain(label63 + ".test")).startsWith(label63);
        assertThatThrownBy(() -> Names.domain("a" + label63 + ".test")).isInstanceOf(StoreException.class);
        String long255 = String.join(".", label63, label63, label63, "a".repeat(63));
        assertThat(long255).hasSize(255);
        assertThat(Names.domain(long255)).isEqualTo(long255);
        assertThatThrownBy(() -> Names.domain(long255 + "a")).isInstanceOf(StoreException.class);
    }
}
