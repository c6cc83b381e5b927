package io.serai.imap.protocol.decode;

/**
 * A command the server cannot parse. The processor answers it with a tagged {@code BAD} (RFC 9051 §7.1.5), or an
 * untagged {@code BAD} when no tag could be read. {@link #fatal()} tells the transport to send {@code BYE} and close,
 * because the command stream can no longer be framed (e.g. an oversized non-synchronizing literal it will not read).
 */
public final class DecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String tag;
    private final boolean fatal;
    private final boolean refused;

    public DecodeException(String tag, String message) {
        this(tag, message, false);
    }

    public DecodeException(String tag, String message, boolean fatal) {
        this(tag, message, fatal, false);
    }

    private DecodeException(String tag, String message, boolean fatal, boolean refused) {
        super(message, null, false, false);
        this.tag = tag;
        this.fatal = fatal;
        this.refused = refused;
    }

    /**
     * A command that parses but names something the server will not accept, such as a mailbox name that is not
     * modified UTF-7: answered {@code NO}, not {@code BAD} (RFC 9051 §7.1.2; Dovecot answers it the same way).
     */
    public static DecodeException refused(String message) {
        return new DecodeException(null, message, false, true);
    }

    public boolean refused() {
        return refused;
    }

    /** The command tag, or {@code null} when the line had no valid tag (answer with {@code * BAD}). */
    public String tag() {
        return tag;
    }

    public boolean fatal() {
        return fatal;
    }

    /** The same error carrying {@code tag}, for errors found by code that does not know the tag. */
    public DecodeException withTag(String newTag) {
        return new DecodeException(newTag, getMessage(), fatal, refused);
    }
}
