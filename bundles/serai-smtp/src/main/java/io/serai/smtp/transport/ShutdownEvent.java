package io.serai.smtp.transport;

/** Fired through each session's pipeline when the server stops, so the client gets a 421 (RFC 5321 §3.8). */
enum ShutdownEvent {
    INSTANCE
}
