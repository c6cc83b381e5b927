package io.serai.camel.imapidle;

/** What an {@code imap-idle:} consumer is doing now. */
public enum ImapIdleMode {
    /** Connected and waiting in IDLE: new mail is pushed. */
    IDLE,
    /** Connected to a server without IDLE: new mail is found every pollInterval. */
    POLLING,
    /** Not connected: starting, or waiting for the next reconnect attempt. */
    DISCONNECTED
}
