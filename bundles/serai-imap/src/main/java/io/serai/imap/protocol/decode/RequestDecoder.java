package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes one framed command: {@code tag SP command-name [arguments]} (RFC 9051 §9 {@code command}), dispatching
 * the arguments to the {@link CommandDecoder} registered for the name. Stateless and thread-safe.
 */
public final class RequestDecoder {

    private final Map<String, CommandDecoder> decoders = new HashMap<>();

    public RequestDecoder() {
        NoArgDecoder none = new NoArgDecoder();
        for (String name : new String[] {"CAPABILITY", "NOOP", "LOGOUT", "STARTTLS", "CHECK", "CLOSE", "UNSELECT",
                "EXPUNGE", "NAMESPACE", "IDLE"}) {
            decoders.put(name, none);
        }
        MailboxArgDecoder mailbox = new MailboxArgDecoder();
        for (String name : new String[] {"CREATE", "DELETE", "SUBSCRIBE", "UNSUBSCRIBE", "GETQUOTAROOT"}) {
            decoders.put(name, mailbox);
        }
        SelectDecoder select = new SelectDecoder();
        decoders.put("SELECT", select);
        decoders.put("EXAMINE", select);
        ListDecoder list = new ListDecoder();
        decoders.put("LIST", list);
        decoders.put("LSUB", list);
        decoders.put("LOGIN", new LoginDecoder());
        decoders.put("AUTHENTICATE", new AuthenticateDecoder());
        decoders.put("RENAME", new RenameDecoder());
        decoders.put("STATUS", new StatusDecoder());
        decoders.put("ENABLE", new EnableDecoder());
        decoders.put("ID", new IdDecoder());
        decoders.put("APPEND", new AppendDecoder());
        QuotaDecoder quota = new QuotaDecoder();
        decoders.put("GETQUOTA", quota);
        decoders.put("SETQUOTA", quota);
        decoders.put("COMPRESS", new CompressDecoder());
        StoreDecoder store = new StoreDecoder();
        SearchDecoder search = new SearchDecoder();
        CopyDecoder copy = new CopyDecoder();
        decoders.put("STORE", store);
        decoders.put("SEARCH", search);
        decoders.put("COPY", copy);
        decoders.put("MOVE", copy);
        UidDecoder uid = new UidDecoder();
        decoders.put("UID", uid);
        uid.register("STORE", store);
        uid.register("SEARCH", search);
        uid.register("COPY", copy);
        uid.register("MOVE", copy);
        uid.register("EXPUNGE", new UidExpungeDecoder());
        SortDecoder sort = new SortDecoder();
        ThreadDecoder thread = new ThreadDecoder();
        decoders.put("SORT", sort);
        decoders.put("THREAD", thread);
        uid.register("SORT", sort);
        uid.register("THREAD", thread);
        decoders.put("FETCH", new FetchDecoder(false));
        uid.register("FETCH", new FetchDecoder(true));
    }

    /**
     * @param frame one command from {@link CommandFramer}
     * @param utf8  whether IMAP4rev2 or UTF8=ACCEPT is enabled, which changes how mailbox names are read
     */
    public ImapRequest decode(byte[] frame, boolean utf8) throws DecodeException {
        return decode(CommandFrame.of(frame), utf8);
    }

    /** As {@link #decode(byte[], boolean)}, for a command whose large literals may be in spool files. */
    public ImapRequest decode(CommandFrame frame, boolean utf8) throws DecodeException {
        ArgumentReader in = new ArgumentReader(frame);
        String tag;
        try {
            tag = in.tag();
            in.sp();
        } catch (DecodeException e) {
            throw new DecodeException(null, "Missing or invalid tag");
        }
        try {
            String name = in.atom().toUpperCase(Locale.ROOT);
            CommandDecoder decoder = decoders.get(name);
            if (decoder == null) {
                throw in.error("Unknown command " + name);
            }
            return decoder.decode(tag, name, in, utf8);
        } catch (DecodeException e) {
            throw e.withTag(tag);
        }
    }
}
