package io.serai.imap.protocol.decode;

/**
 * Bounds of the command framer. RFC 9051 §4 leaves line length open but RFC 7162 §4 asks servers to accept
 * command lines of at least 8192 octets; literals are bounded separately because APPEND carries whole messages.
 *
 * @param maxLineLength        longest line (without literal data) in octets
 * @param maxLiteralSize       largest literal in octets (APPENDLIMIT, RFC 7889)
 * @param maxCommandSize       largest whole command, lines plus literals
 * @param maxNonSyncLiteral    largest non-synchronizing literal {@code {n+}}: {@code maxLiteralSize} for LITERAL+
 *                             (RFC 7888 §3, what the server advertises), 4096 for LITERAL- (RFC 7888 §5)
 */
public record FramerLimits(int maxLineLength, long maxLiteralSize, long maxCommandSize, long maxNonSyncLiteral) {

    public static final FramerLimits DEFAULT = new FramerLimits(64 * 1024, 50L << 20, 51L << 20, 50L << 20);

    /**
     * Before authentication only LOGIN, AUTHENTICATE and the like are valid, so an unauthenticated client gets small
     * bounds and cannot make the server buffer megabytes.
     */
    public static final FramerLimits PRE_AUTH = new FramerLimits(8192, 8192, 16384, 8192);

    public FramerLimits {
        if (maxLineLength < 1024 || maxLiteralSize < 0 || maxCommandSize < maxLineLength || maxNonSyncLiteral < 0) {
            throw new IllegalArgumentException("bad framer limits");
        }
    }
}
