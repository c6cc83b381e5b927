/**
 * IMAP command decoding (RFC 9051 §2.2, §4, §9): {@link io.serai.imap.protocol.decode.CommandFramer} cuts the byte
 * stream into commands (literals, continuations, bounds), {@link io.serai.imap.protocol.decode.RequestDecoder} turns
 * one command into a {@code request} value with one small decoder per command shape. Plain Java, no Netty.
 */
package io.serai.imap.protocol.decode;
