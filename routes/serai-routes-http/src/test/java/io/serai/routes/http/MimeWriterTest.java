package io.serai.routes.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class MimeWriterTest {

    private static final Instant DATE = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aPlainTextMessageByteForByte() {
        MailRequest request = new MailRequest("alice@caravan.test", List.of("bob@caravan.test", "carol@x.test"),
                List.of(), List.of("hidden@x.test"), "Hi", "Hello\r\n", null, List.of());

        String message = new String(MimeWriter.write(request, "<1@mx>", DATE, null), StandardCharsets.US_ASCII);

        assertThat(message).isEqualTo("From: alice@caravan.test\r\n"
                + "To: bob@caravan.test,\r\n\tcarol@x.test\r\n"
                + "Subject: Hi\r\n"
                + "Date: Thu, 26 Nov 2026 10:00:00 GMT\r\n"
                + "Message-ID: <1@mx>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + "SGVsbG8NCg==\r\n");
    }

    @Test
    void headerInjectionIsImpossible() {
        MailRequest request = new MailRequest("a@x.test", List.of("b@x.test"), List.of(), List.of(),
                "Hi\r\nBcc: victim@x.test", "x", null,
                List.of(new MailRequest.Attachment("evil\r\nX-Injected: 1.txt", "text/plain", new byte[] {1})));

        String message = new String(MimeWriter.write(request, "<1@mx>", DATE, null), StandardCharsets.US_ASCII);

        assertThat(message).doesNotContain("\r\nBcc:", "\r\nX-Injected:").contains("Subject: Hi Bcc: victim@x.test");
    }

    @Test
    void nonAsciiIsEncoded() {
        assertThat(MimeWriter.fileName("plain.pdf")).isEqualTo("filename=\"plain.pdf\"");
        assertThat(MimeWriter.fileName("Kamel ü*.pdf")).isEqualTo("filename*=UTF-8''Kamel%20%C3%BC%2A.pdf");
        assertThat(MimeWriter.fileName("a\"b")).isEqualTo("filename*=UTF-8''a%22b");
        MailRequest request = new MailRequest("a@x.test", List.of("b@x.test"), List.of(), List.of(),
                "Grüße " + "lang ".repeat(30), "x", null, List.of());
        String message = new String(MimeWriter.write(request, "<1@mx>", DATE, null), StandardCharsets.US_ASCII);
        assertThat(message).contains("Subject: =?UTF-8?");
        assertThat(message.lines()).allMatch(line -> line.length() <= 78);
    }
}
