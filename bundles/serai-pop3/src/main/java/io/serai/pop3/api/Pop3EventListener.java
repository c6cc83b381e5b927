package io.serai.pop3.api;

/**
 * Observes what clients do with their messages (for an audit trail or a {@code pop3d:} Camel consumer). Called
 * on the session's thread after the fact: {@link #retrieved} once a RETR has been written out completely,
 * {@link #deleted} once the UPDATE state has expunged the message. Implementations should hand the event off
 * quickly; an exception is logged and ignored, it never changes the reply.
 */
public interface Pop3EventListener {

    default void retrieved(MessageEvent event) {
    }

    default void deleted(MessageEvent event) {
    }
}
