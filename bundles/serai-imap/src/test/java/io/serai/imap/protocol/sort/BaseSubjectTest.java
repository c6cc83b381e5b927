package io.serai.imap.protocol.sort;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5256 §2.1 base subject extraction, step by step. */
class BaseSubjectTest {

    @ParameterizedTest(name = "[{0}] -> [{1}] {2}")
    @CsvSource(delimiter = '|', value = {
        "Hello world|Hello world|false",
        "  Hello \t  world  |Hello world|false",
        "Re: Hello|Hello|true",
        "RE:Hello|Hello|true",
        "re: re: Re: Hello|Hello|true",
        "Fwd: Hello|Hello|true",
        "Fw: Hello|Hello|true",
        "Re[2]: Hello|Hello|true",
        "Re [2]: Hello|Hello|true",
        "[list] Re: Hello|Hello|true",
        "Re: [list] Hello|Hello|true",
        "[list] Hello|Hello|false",
        "[list] [other] Hello|Hello|false",
        "[list]|[list]|false",
        "Hello (fwd)|Hello|true",
        "Hello (FWD) (fwd)  |Hello|true",
        "[fwd: Hello]|Hello|true",
        "[Fwd: Re: Hello]|Hello|true",
        "Re: [fwd: [list] Hello (fwd)]|Hello|true",
        "Rebuild the index|Rebuild the index|false",
        "Fwdx: Hello|Fwdx: Hello|false",
        "Re:|''|true",
        "''|''|false",
    })
    void extracts(String subject, String base, boolean replyOrForward) {
        BaseSubject b = BaseSubject.of(subject);
        assertThat(b.text()).isEqualTo(base);
        assertThat(b.replyOrForward()).isEqualTo(replyOrForward);
    }
}
