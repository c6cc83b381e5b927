package io.serai.store.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModifiedUtf7Test {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "~peter/mail/&U,BTFw-/&ZeVnLIqe-|~peter/mail/台北/日本語", // the example of RFC 3501 section 5.1.3
        "Entw&APw-rfe|Entwürfe",
        "R&AOk-sum&AOk-|Résumé",
        "Tom &- Jerry|Tom & Jerry",
        "&2D3eAA-|\uD83D\uDE00", // a surrogate pair
        "plain|plain"})
    void decodesAndEncodesTheSameForms(String encoded, String text) {
        assertThat(ModifiedUtf7.decode(encoded)).isEqualTo(text);
        assertThat(ModifiedUtf7.encode(text)).isEqualTo(encoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&AOQ", "&", "&AGE-", "&AO-", "&AOR-", "&A*Q-", "caf\u00e9"})
    void rejectsWhatRfc3501Forbids(String encoded) {
        assertThatThrownBy(() -> ModifiedUtf7.decode(encoded)).isInstanceOf(IllegalArgumentException.class);
    }
}
