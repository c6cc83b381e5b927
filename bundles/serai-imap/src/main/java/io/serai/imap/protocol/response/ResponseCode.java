package io.serai.imap.protocol.response;

import java.util.List;

/**
 * A response code in brackets (RFC 9051 §7.1, codes registered by RFC 5530 and extensions).
 *
 * @param name the atom, e.g. {@code UIDVALIDITY}
 * @param data the rest, already in wire syntax (numbers, atoms or a parenthesized list), or empty
 */
public record ResponseCode(String name, String data) {

    public static final ResponseCode READ_ONLY = of("READ-ONLY");
    public static final ResponseCode READ_WRITE = of("READ-WRITE");
    public static final ResponseCode TRYCREATE = of("TRYCREATE");
    public static final ResponseCode ALREADYEXISTS = of("ALREADYEXISTS");
    public static final ResponseCode NONEXISTENT = of("NONEXISTENT");
    public static final ResponseCode AUTHENTICATIONFAILED = of("AUTHENTICATIONFAILED");
    public static final ResponseCode PRIVACYREQUIRED = of("PRIVACYREQUIRED");
    public static final ResponseCode CANNOT = of("CANNOT");
    public static final ResponseCode CLIENTBUG = of("CLIENTBUG");
    public static final ResponseCode SERVERBUG = of("SERVERBUG");
    public static final ResponseCode UNAVAILABLE = of("UNAVAILABLE"); // RFC 5530 §3: a subsystem is down for now
    public static final ResponseCode INUSE = of("INUSE");
    public static final ResponseCode CLOSED = of("CLOSED"); // RFC 7162 §3.2.11, QRESYNC / UNSELECT-after-SELECT

    public static ResponseCode of(String name) {
        return new ResponseCode(name, "");
    }

    public static ResponseCode number(String name, long value) {
        return new ResponseCode(name, Long.toString(value));
    }

    public static ResponseCode capability(List<String> capabilities) {
        return new ResponseCode("CAPABILITY", String.join(" ", capabilities));
    }

    /** {@code PERMANENTFLAGS (flags)}. */
    public static ResponseCode list(String name, List<String> items) {
        return new ResponseCode(name, "(" + String.join(" ", items) + ")");
    }
}
