package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.imap.protocol.request.BinaryItem;
import io.serai.imap.protocol.request.BodySectionItem;
import io.serai.imap.protocol.request.FetchItem;
import io.serai.imap.protocol.request.FetchRequest;
import io.serai.imap.protocol.request.Partial;
import io.serai.imap.protocol.request.Section;
import io.serai.imap.protocol.request.SequenceSet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FETCH and UID FETCH arguments (RFC 9051 §6.4.5, §6.4.9, §9; RFC 3516). */
class FetchDecoderTest {

    private final RequestDecoder decoder = new RequestDecoder();

    private FetchRequest decode(String command) throws DecodeException {
        return (FetchRequest) decoder.decode(command.getBytes(StandardCharsets.UTF_8), false);
    }

    private List<FetchItem> items(String items) throws DecodeException {
        return decode("a FETCH 1 " + items).items();
    }

    private static Section section(List<Integer> part, Section.Text text, String... fields) {
        return new Section(part, text, List.of(fields));
    }

    @Test
    void macrosExpand() throws Exception {
        assertThat(items("fast")).containsExactly(FetchItem.Simple.FLAGS, FetchItem.Simple.INTERNALDATE,
                FetchItem.Simple.RFC822_SIZE);
        assertThat(items("ALL")).containsExactly(FetchItem.Simple.FLAGS, FetchItem.Simple.INTERNALDATE,
                FetchItem.Simple.RFC822_SIZE, FetchItem.Simple.ENVELOPE);
        assertThat(items("FULL")).containsExactly(FetchItem.Simple.FLAGS, FetchItem.Simple.INTERNALDATE,
                FetchItem.Simple.RFC822_SIZE, FetchItem.Simple.ENVELOPE, FetchItem.Simple.BODY);
    }

    @Test
    void simpleItemsAloneAndInAList() throws Exception {
        assertThat(items("(FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY BODYSTRUCTURE UID)")).containsExactly(
                FetchItem.Simple.FLAGS, FetchItem.Simple.INTERNALDATE, FetchItem.Simple.RFC822_SIZE,
                FetchItem.Simple.ENVELOPE, FetchItem.Simple.BODY, FetchItem.Simple.BODYSTRUCTURE,
                FetchItem.Simple.UID);
        assertThat(items("uid")).containsExactly(FetchItem.Simple.UID);
    }

    @Test
    void theRfc9051Example() throws Exception {
        FetchRequest r = decode("A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])");
        assertThat(r.set()).isEqualTo(new SequenceSet(List.of(new SequenceSet.Range(2, 4)), false));
        assertThat(r.byUid()).isFalse();
        assertThat(r.items()).containsExactly(FetchItem.Simple.FLAGS,
                BodySectionItem.body(section(List.of(), Section.Text.HEADER_FIELDS, "DATE", "FROM"), false, null));
    }

    @Test
    void bodySections() throws Exception {
        assertThat(items("BODY[]")).containsExactly(BodySectionItem.body(Section.WHOLE, false, null));
        assertThat(items("BODY.PEEK[]<0.2048>"))
                .containsExactly(BodySectionItem.body(Section.WHOLE, true, new Partial(0, 2048)));
        assertThat(items("BODY[1.2.3]")).containsExactly(
                BodySectionItem.body(section(List.of(1, 2, 3), Section.Text.NONE), false, null));
        assertThat(items("body[4.2.header]")).containsExactly(
                BodySectionItem.body(section(List.of(4, 2), Section.Text.HEADER), false, null));
        assertThat(items("BODY[3.TEXT]<10.5>")).containsExactly(
                BodySectionItem.body(section(List.of(3), Section.Text.TEXT), false, new Partial(10, 5)));
        assertThat(items("BODY[2.MIME]")).containsExactly(
                BodySectionItem.body(section(List.of(2), Section.Text.MIME), false, null));
        assertThat(items("BODY.PEEK[HEADER.FIELDS.NOT (Received \"X-Spam\" {4}\r\nDate)]")).containsExactly(
                BodySectionItem.body(section(List.of(), Section.Text.HEADER_FIELDS_NOT, "Received", "X-Spam",
                        "Date"), true, null));
        assertThat(items("BODY[1.HEADER.FIELDS (Subject)]")).containsExactly(BodySectionItem.body(
                section(List.of(1), Section.Text.HEADER_FIELDS, "Subject"), false, null));
    }

    @Test
    void rfc822Forms() throws Exception {
        assertThat(items("(RFC822 RFC822.HEADER RFC822.TEXT)")).containsExactly(
                new BodySectionItem(Section.WHOLE, false, null, "RFC822"),
                new BodySectionItem(section(List.of(), Section.Text.HEADER), true, null, "RFC822.HEADER"),
                new BodySectionItem(section(List.of(), Section.Text.TEXT), false, null, "RFC822.TEXT"));
        assertThat(items("RFC822.HEADER").get(0).setsSeen()).isFalse();
        assertThat(items("RFC822").get(0).setsSeen()).isTrue();
    }

    @Test
    void binaryItems() throws Exception {
        assertThat(items("(BINARY[1.2] BINARY.PEEK[]<0.10> BINARY.SIZE[3])")).containsExactly(
                new BinaryItem(List.of(1, 2), false, null, false),
                new BinaryItem(List.of(), true, new Partial(0, 10), false),
                new BinaryItem(List.of(3), true, null, true));
        assertThat(items("BINARY[1]").get(0).setsSeen()).isTrue();
        assertThat(items("BINARY.SIZE[1]").get(0).setsSeen()).isFalse();
    }

    @Test
    void uidFetchIsFlagged() throws Exception {
        FetchRequest r = decode("a uid fetch 4827313:4828442 FLAGS");
        assertThat(r.byUid()).isTrue();
        assertThat(r.command()).isEqualTo("FETCH");
        assertThat(r.set().ranges()).containsExactly(new SequenceSet.Range(4827313, 4828442));
        assertThat(decode("a UID FETCH 1:* (UID)").set().ranges())
                .containsExactly(new SequenceSet.Range(1, SequenceSet.STAR));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a FETCH 1 BODY[MIME]",            // MIME needs a part (RFC 9051 §6.4.5)
        "a FETCH 1 BODY[0]",               // part numbers are nz-number
        "a FETCH 1 BODY[1.]",              // a dot needs a number or a section text
        "a FETCH 1 BODY[FOO]",             // unknown section text
        "a FETCH 1 BODY[HEADER.FIELDS]",   // the field list is required
        "a FETCH 1 BODY[HEADER.FIELDS ()]",
        "a FETCH 1 BODY[TEXT",
        "a FETCH 1 BODY[]<0>",             // partial needs origin.length
        "a FETCH 1 BODY[]<0.0>",           // length is nz-number
        "a FETCH 1 BODY.PEEK",             // PEEK needs a section
        "a FETCH 1 BINARY[1.TEXT]",        // BINARY takes only part numbers
        "a FETCH 1 BINARY.SIZE[1]<0.1>",   // and BINARY.SIZE no partial
        "a FETCH 1 FOO",                   // unknown item
        "a FETCH 1 (FLAGS ALL)",           // macros only alone
        "a FETCH 1 ()",
        "a FETCH 1 (FLAGS",
        "a FETCH 1 FLAGS UID",             // several items need parentheses
        "a FETCH 0 FLAGS",
        "a FETCH FLAGS",
        "a FETCH 1",
        "a UID FROB 1",
        "a UID",
    })
    void malformedIsBadWithTheTag(String command) {
        assertThatThrownBy(() -> decode(command)).isInstanceOfSatisfying(DecodeException.class, e -> {
            assertThat(e.tag()).isEqualTo("a");
            assertThat(e.fatal()).isFalse();
        });
    }
}
