package io.serai.pop3.api;

import java.net.SocketAddress;

/**
 * One message retrieved or deleted through POP3, for audit.
 *
 * @param account the authenticated account
 * @param uid     the store UID of the message in INBOX
 * @param uidl    the unique-id listing value the client saw (RFC 1939 §7)
 * @param size    the message size in octets
 * @param client  the client's address
 */
public record MessageEvent(String account, long uid, String uidl, long size, SocketAddress client) {
}
