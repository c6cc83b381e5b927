package io.serai.imap.protocol.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** RFC 5322 §3.4 address lists as ENVELOPE addresses. */
class AddressListParserTest {

    private static String parse(String header) {
        List<Address> list = AddressListParser.parse(header.getBytes(StandardCharsets.UTF_8));
        return list.stream().map(a -> "(" + s(a.name()) + " " + s(a.adl()) + " " + s(a.mailbox()) + " "
                + s(a.host()) + ")").collect(Collectors.joining());
    }

    private static String s(byte[] b) {
        return b == null ? "NIL" : "'" + new String(b, StandardCharsets.UTF_8) + "'";
    }

    @Test
    void namesQuotingAndComments() {
        assertThat(parse("\"Smith, John \\\"JJ\\\"\" <john@example.com>"))
                .isEqualTo("('Smith, John \"JJ\"' NIL 'john' 'example.com')");
        assertThat(parse("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>"))
                .isEqualTo("('Pete' NIL 'pete' 'silly.test')");
        assertThat(parse("jdoe@example.org (John Doe)")).isEqualTo("('John Doe' NIL 'jdoe' 'example.org')");
        assertThat(parse("=?UTF-8?Q?J=C3=B6rg?= <j@example.org>"))
                .isEqualTo("('=?UTF-8?Q?J=C3=B6rg?=' NIL 'j' 'example.org')");
        assertThat(parse("\"first.last\"@example.org")).isEqualTo("(NIL NIL '\"first.last\"' 'example.org')");
    }

    @Test
    void groupsRoutesAndOddities() {
        // RFC 5322 §A.1.3
        assertThat(parse("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;, Mary <mary@x.test>"))
                .isEqualTo("(NIL NIL 'A Group' NIL)('Ed Jones' NIL 'c' 'a.test')(NIL NIL 'joe' 'where.test')"
                        + "('John' NIL 'jdoe' 'one.test')(NIL NIL NIL NIL)('Mary' NIL 'mary' 'x.test')");
        assertThat(parse("Undisclosed recipients:;")).isEqualTo("(NIL NIL 'Undisclosed recipients' NIL)(NIL NIL NIL NIL)");
        assertThat(parse("<@a.test,@b.test:joe@c.test>")).isEqualTo("(NIL '@a.test,@b.test' 'joe' 'c.test')");
        assertThat(parse("postmaster")).isEqualTo("(NIL NIL 'postmaster' 'MISSING_DOMAIN')");
        assertThat(parse("a@b.test,, ,c@d.test")).isEqualTo("(NIL NIL 'a' 'b.test')(NIL NIL 'c' 'd.test')");
        assertThat(parse("<>")).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse("x@[192.0.2.1]")).isEqualTo("(NIL NIL 'x' '[192.0.2.1]')");
    }
}
