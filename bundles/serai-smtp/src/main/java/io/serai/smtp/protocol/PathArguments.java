package io.serai.smtp.protocol;

import java.util.Map;

/**
 * The parsed argument of MAIL FROM / RCPT TO.
 *
 * @param mailbox    the mailbox without angle brackets and source route; empty for the null path {@code <>}
 * @param parameters the ESMTP parameters, keyed by upper-case keyword; a keyword without value maps to ""
 */
public record PathArguments(String mailbox, Map<String, String> parameters) {

    public PathArguments {
        parameters = Map.copyOf(parameters);
    }
}
