package io.serai.bench.pop3;

import java.nio.charset.StandardCharsets;

/** Test messages, the same generator as bench/store: exact size, CRLF, 76-char body lines, varying content. */
final class Messages {
    private Messages() {
    }

    /** Message number i (0-based) of account a; some body lines start with '.', so byte-stuffing is exercised. */
    static byte[] message(int size, int account, int i) {
        long seed = account * 1_000_003L + i;
        StringBuilder sb = new StringBuilder(size + 128);
        sb.append("Return-Path: <sender@client.test>\r\n")
          .append("Received: from client.test (client.test [192.0.2.10]) by mx.bench.test with ESMTPS id ")
          .append(Long.toHexString(seed)).append("\r\n\tfor <rcpt@bench.test>; Thu, 26 Nov 2026 16:00:00 +0000\r\n")
          .append("From: Sender <sender@client.test>\r\n")
          .append("To: Recipient <rcpt@bench.test>\r\n")
          .append("Subject: benchmark message ").append(seed).append("\r\n")
          .append("Date: Thu, 26 Nov 2026 16:00:00 +0000\r\n")
          .append("Message-ID: <").append(seed).append(".bench@client.test>\r\n")
          .append("MIME-Version: 1.0\r\n")
          .append("Content-Type: text/plain; charset=us-ascii\r\n")
          .append("Content-Transfer-Encoding: 7bit\r\n")
          .append("\r\n");
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        String alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?";
        while (sb.length() < size) {
            for (int i2 = 0; i2 < 76; i2++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                sb.append(alphabet.charAt((int) ((x >>> 1) % alphabet.length())));
            }
            sb.append("\r\n");
        }
        sb.setLength(size - 2);
        if (sb.charAt(size - 3) == '\r') {
            sb.setCharAt(size - 3, '.');
        }
        sb.append("\r\n");
        byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != size) {
            throw new IllegalStateException("message is " + bytes.length + " bytes, wanted " + size);
        }
        return bytes;
    }
}
