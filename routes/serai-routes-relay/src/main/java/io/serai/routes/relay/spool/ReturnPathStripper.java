package io.serai.routes.relay.spool;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies a received message without its leading {@code Return-Path:} field. The SMTP listener adds one for local
 * delivery, but only the final delivery server may (RFC 5321 §4.4): a message relayed onwards must not carry it.
 * Only a Return-Path at the very top (where the listener puts it) is removed; the rest is copied byte for byte.
 */
final class ReturnPathStripper {

    private static final byte[] NAME = "return-path:".getBytes(StandardCharsets.US_ASCII);

    private ReturnPathStripper() {
    }

    static long copy(InputStream source, OutputStream out) throws IOException {
        BufferedInputStream in = new BufferedInputStream(source, 8192);
        in.mark(NAME.length);
        byte[] head = in.readNBytes(NAME.length);
        in.reset();
        if (startsWithName(head)) {
            skipField(in);
        }
        return in.transferTo(out);
    }

    private static boolean startsWithName(byte[] head) {
        if (head.length < NAME.length) {
            return false;
        }
        for (int i = 0; i < NAME.length; i++) {
            if (Character.toLowerCase(head[i]) != NAME[i]) {
                return false;
            }
        }
        return true;
    }

    /** Skips the field's first line and any folded continuation lines (starting with SP or HTAB, RFC 5322 §2.2.3). */
    private static void skipField(BufferedInputStream in) throws IOException {
        while (true) {
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    return;
                }
            }
            in.mark(1);
            int next = in.read();
            in.reset();
            if (next != ' ' && next != '\t') {
                return;
            }
        }
    }
}
