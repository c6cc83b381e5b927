package io.serai.smtp.protocol;

import java.util.Objects;

/**
 * One parsed command line: the verb and the text after the first space (empty if none).
 *
 * @param verb     the command, or {@code null} for an unknown verb
 * @param argument the rest of the line after the verb and one space
 */
public record SmtpCommand(Verb verb, String argument) {

    public SmtpCommand {
        Objects.requireNonNull(argument, "argument");
    }

    public boolean hasArgument() {
        return !argument.isBlank();
    }
}
