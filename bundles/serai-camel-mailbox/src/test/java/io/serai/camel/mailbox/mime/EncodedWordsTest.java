package io.serai.camel.mailbox.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodedWordsTest {

    /** RFC 2047 §8, the examples of how encoded-words and the whitespace between them are displayed. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(=?ISO-8859-1?Q?a?=)|(a)",
        "(=?ISO-8859-1?Q?a?= b)|(a b)",
        "(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)|(ab)",
        "(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)|(ab)",
        "(=?ISO-8859-1?Q?a?=\t=?ISO-8859-1?Q?b?=)|(ab)",
        "(=?ISO-8859-1?Q?a_b?=)|(a b)",
        "(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)|(a b)",
        "=?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>|Keith Moore <moore@cs.utk.edu>",
        "=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>|Keld Jørn Simonsen <keld@dkuug.dk>",
        "=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>|André Pirard <PIRARD@vm1.ulg.ac.be>",
        "=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?= =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?="
                + "|If you can read this you understand the example.",
    })
    void rfc2047Examples(String encoded, String shown) {
        assertThat(EncodedWords.decode(encoded)).isEqualTo(shown);
    }

    /** Subjects and display names as mail clients write them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "=?UTF-8?Q?Kamele_im_=C3=9Cberblick?=|Kamele im Überblick",
        "=?utf-8?q?caf=c3=a9?=|café",
        "=?UTF-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?=|Grüße aus Köln",
        "Re: =?iso-8859-1?Q?R=E9union_demain?=|Re: Réunion demain",
        "=?KOI8-R?B?8NLJ18XULCDNydI=?=|Привет, мир",
        "=?windows-1252?Q?=93quoted=94?=|\u201cquoted\u201d",
        "\"=?UTF-8?B?Wm/Dqw==?=\" <zoe@example.org>|\"Zoë\" <zoe@example.org>",
        "=?UTF-8?B?Wm/Dqw?= <zoe@example.org>|Zoë <zoe@example.org>",
        "=?UTF-8*de?Q?Gr=C3=BC=C3=9Fe?=|Grüße",
        "=?UTF-8?Q?one?==?UTF-8?Q?two?=|onetwo",
    })
    void clientSubjectsAndNames(String encoded, String shown) {
        assertThat(EncodedWords.decode(encoded)).isEqualTo(shown);
    }

    @Test
    void aCharacterSplitAcrossTwoWordsComesOutWhole() {
        // "日本語の件名です": the three octets of "の" are split 1+2 between the words
        assertThat(EncodedWords.decode("=?UTF-8?B?5pel5pys6Kqe4w==?= =?UTF-8?B?ga7ku7blkI3jgafjgZk=?="))
                .isEqualTo("日本語の件名です");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "=?no-such-charset?Q?abc?=",
        "=?UTF-8?B?not*base64?=",
        "=?UTF-8?B?abcde?=",
        "=?UTF-8?Q?bad=ZZescape?=",
        "=?UTF-8?Q?cut=C?=",
        "=?UTF-8?X?abc?=",
        "=?UTF-8?Q?no end",
        "=?UTF-8?B?/w==?=",
        "2 + 2 =? 4",
    })
    void malformedWordsAreLeftAsTheyAre(String value) {
        assertThat(EncodedWords.decode(value)).isEqualTo(value);
    }

    @Test
    void aMalformedWordKeepsTheSpacesAroundIt() {
        assertThat(EncodedWords.decode("=?UTF-8?Q?a?= =?bogus?Q?b?= =?UTF-8?Q?c?="))
                .isEqualTo("a =?bogus?Q?b?= c");
    }

    @Test
    void plainTextAndNullPassThrough() {
        assertThat(EncodedWords.decode("Printer on fire")).isEqualTo("Printer on fire");
        assertThat(EncodedWords.decode("Grüße (RFC 6532)")).isEqualTo("Grüße (RFC 6532)");
        assertThat(EncodedWords.decode(null)).isNull();
    }
}
