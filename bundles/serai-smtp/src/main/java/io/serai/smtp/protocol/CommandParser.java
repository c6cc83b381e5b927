package io.serai.smtp.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Splits a command line (without CRLF) into verb and argument (RFC 5321 §4.1.1: verbs are case-insensitive). */
public final class CommandParser {

    private CommandParser() {
    }

    /**
     * @return the command, or empty if the line is not valid UTF-8 (SMTPUTF8 allows UTF-8 in addresses,
     *         RFC 6531 §3.3; anything else is garbage)
     */
    public static Optional<SmtpCommand> parse(byte[] line) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        int space = text.indexOf(' ');
        String word = space < 0 ? text : text.substring(0, space);
        String argument = space < 0 ? "" : text.substring(space + 1);
        return Optional.of(new SmtpCommand(verbOf(word), argument));
    }

    private static Verb verbOf(String word) {
        if (word.length() < 4 || word.length() > 8) {
            return null;
        }
        try {
            return Verb.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
