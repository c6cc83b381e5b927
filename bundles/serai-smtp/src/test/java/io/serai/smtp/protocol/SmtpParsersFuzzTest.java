package io.serai.smtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.fuzz.FuzzInputs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Command, path and mailbox parsers on mutated input: a result or "empty", never an exception. */
class SmtpParsersFuzzTest {

    private static final List<String> COMMANDS = List.of(
            "EHLO client.example", "HELO [192.0.2.1]", "MAIL FROM:<alice@example.org> SIZE=1000 BODY=8BITMIME",
            "RCPT TO:<bob@example.org> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;bob@example.org", "DATA", "RSET",
            "NOOP hello", "QUIT", "VRFY bob", "BDAT 100 LAST", "BDAT 0", "AUTH PLAIN AGFsaWNlAHNlY3JldA==",
            "AUTH LOGIN", "STARTTLS", "MAIL FROM:<> SMTPUTF8", "RCPT TO:<\"quoted >local\"@[IPv6:2001:db8::1]>",
            "MAIL FROM:<@a.example,@b.example:user@c.example>", "RCPT TO:<postmaster>", "HELP");

    private static final List<String> PATHS = List.of(
            "FROM:<alice@example.org>", "FROM: <alice@example.org> SIZE=12 BODY=7BIT", "FROM:<>",
            "TO:<\"a\\\"b>c\"@example.org> NOTIFY=NEVER", "TO:<@route.example:bob@example.org>",
            "FROM:<j\u00f6rg@b\u00fccher.example> SMTPUTF8", "TO:<user@[192.0.2.1]>", "TO:<a.b.c@d-e.f.>",
            "FROM:<x@y> AUTH=<> RET=HDRS ENVID=QQ314159");

    @Test
    void commandLinesParseOrAreGarbage() {
        FuzzInputs.run("smtp-command", COMMANDS, 20_000, (input, random) -> {
            Optional<SmtpCommand> command = CommandParser.parse(input);
            command.ifPresent(c -> assertThat(c.argument()).isNotNull());
        });
    }

    @Test
    void pathsParseToACheckableMailboxOrAreRejected() {
        FuzzInputs.run("smtp-path", PATHS, 20_000, (input, random) -> {
            String argument = new String(input, StandardCharsets.UTF_8);
            for (String keyword : List.of("FROM:", "TO:")) {
                PathParser.parse(argument, keyword).ifPresent(path -> {
                    assertThat(path.mailbox()).isNotNull();
                    if (!path.mailbox().isEmpty()) {
                        assertThat(MailboxSyntax.check(path.mailbox())).isNotNull();
                    }
                });
            }
            MailboxSyntax.check(argument);
            MailboxSyntax.isDomainOrLiteral(argument);
        });
    }
}
