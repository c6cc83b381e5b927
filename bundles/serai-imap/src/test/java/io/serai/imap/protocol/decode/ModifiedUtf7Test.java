package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModifiedUtf7Test {

    @Test
    void rfc3501Example() throws Exception {
        // RFC 3501 §5.1.3: "~peter/mail/&U,BTFw-/&ZeVnLIqe-" is ~peter/mail/台北/日本語
        String decoded = "~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e";
        assertThat(ModifiedUtf7.decode("~peter/mail/&U,BTFw-/&ZeVnLIqe-")).isEqualTo(decoded);
        assertThat(ModifiedUtf7.encode(decoded)).isEqualTo("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    }

    @Test
    void ampersandAndUmlauts() throws Exception {
        assertThat(ModifiedUtf7.encode("A&B")).isEqualTo("A&-B");
        assertThat(ModifiedUtf7.decode("A&-B")).isEqualTo("A&B");
        assertThat(ModifiedUtf7.encode("Entw\u00fcrfe")).isEqualTo("Entw&APw-rfe");
        assertThat(ModifiedUtf7.decode("Entw&APw-rfe")).isEqualTo("Entw\u00fcrfe");
    }

    @Test
    void surrogatePairsRoundTrip() throws Exception {
        String emoji = "Mail \ud83d\udce7";
        assertThat(ModifiedUtf7.decode(ModifiedUtf7.encode(emoji))).isEqualTo(emoji);
    }

    @Test
    void malformedInputIsRejected() {
        assertThatThrownBy(() -> ModifiedUtf7.decode("&U,BTFw")).hasMessageContaining("Unterminated");
        assertThatThrownBy(() -> ModifiedUtf7.decode("&AGE-")).hasMessageContaining("Printable"); // "a" encoded
        assertThatThrownBy(() -> ModifiedUtf7.decode("&A-")).hasMessageContaining("Malformed");
        assertThatThrownBy(() -> ModifiedUtf7.decode("&U/BTFw-")).hasMessageContaining("Bad character");
    }

    @Test
    void mailboxNamesNormalizeInboxAndHonourUtf8Mode() throws Exception {
        assertThat(MailboxNames.decode("inbox", false)).isEqualTo("INBOX");
        assertThat(MailboxNames.decode("InBox/Sub", false)).isEqualTo("INBOX/Sub");
        assertThat(MailboxNames.decode("INBOXES", false)).isEqualTo("INBOXES");
        assertThat(MailboxNames.decode("A&-B", true)).isEqualTo("A&-B");
        assertThat(MailboxNames.decode("A&-B", false)).isEqualTo("A&B");
        assertThat(MailboxNames.decode("Entw\u00fcrfe", false)).isEqualTo("Entw\u00fcrfe");
        assertThat(MailboxNames.encode("A&B", false)).isEqualTo("A&-B");
    }
}
