package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailboxNamesTest {

    @Test
    void malformedModifiedUtf7IsADecodeError() {
        assertThatThrownBy(() -> MailboxNames.decode("&U,BTFw", false)).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> MailboxNames.decode("&AGE-", false)).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> MailboxNames.decode("&U/BTFw-", false)).isInstanceOf(DecodeException.class);
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
