package io.serai.imap.protocol.process;

import io.serai.imap.protocol.encode.NumberSets;
import io.serai.imap.protocol.request.AppendMessageRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.imap.protocol.literal.Literal;
import io.serai.imap.protocol.literal.SpooledLiteral;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.AppendResult;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.QuotaExceededException;
import io.serai.store.api.StoreException;
import io.serai.store.api.SystemFlag;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * APPEND (RFC 9051 §6.3.12): {@code [TRYCREATE]} for a missing mailbox, {@code [TOOBIG]} above APPENDLIMIT
 * (RFC 7889), {@code [OVERQUOTA]} (RFC 9208), {@code [APPENDUID]} (RFC 4315) on success. Appending to the selected
 * mailbox reports the new message as EXISTS at once (RFC 9051 §6.3.12 recommends it), and a keyword new to the
 * mailbox as {@code * FLAGS}. MULTIAPPEND (RFC 3502)
 * appends every message or none, and APPENDUID then carries the UID set (RFC 4315 §3). A message with NUL octets
 * (only a literal8 may carry them, RFC 3516 §4.4) is stored with those parts in base64 ({@link NulFreeContent}). A
 * CATENATE message (RFC 4469) is built by {@link Catenation}; a URL that names nothing is {@code NO [BADURL]}.
 */
final class AppendProcessor implements CommandProcessor<AppendMessageRequest> {

    @Override
    public void process(AppendMessageRequest request, ImapSession session, List<ImapResponse> out)
            throws StoreException {
        List<NulFreeContent> contents = new ArrayList<>(request.messages().size());
        try {
            append(request, session, contents, out);
        } finally {
            contents.forEach(NulFreeContent::close);
        }
    }

    private void append(AppendMessageRequest request, ImapSession session, List<NulFreeContent> contents,
                        List<ImapResponse> out) throws StoreException {
        List<Flags> flags = new ArrayList<>(request.messages().size());
        for (AppendMessageRequest.Message m : request.messages()) {
            Flags f = flags(m.flags());
            if (f == null) {
                out.add(StatusResponse.bad(request.tag(), "Unknown system flag"));
                return;
            }
            flags.add(f);
        }
        Mailbox mailbox;
        try {
            mailbox = session.mailboxes().open(request.mailbox());
        } catch (NotFoundException e) {
            // before any CATENATE URL is resolved: imaptest and Dovecot answer TRYCREATE even when a URL is bad
            out.add(StatusResponse.no(request.tag(), ResponseCode.TRYCREATE, "No such mailbox"));
            return;
        }
        List<AppendRequest> appends = new ArrayList<>(request.messages().size());
        for (int i = 0; i < request.messages().size(); i++) {
            AppendMessageRequest.Message m = request.messages().get(i);
            NulFreeContent content;
            try {
                content = content(m, session, out, request.tag());
            } catch (IOException e) {
                throw new StoreException("Cannot read the appended message", e);
            }
            if (content == null) {
                return; // the reason is in out
            }
            contents.add(content);
            Instant date = m.internalDate() == null ? Instant.now() : m.internalDate().toInstant();
            // streamed from memory, the spool file or the catenated parts; the session deletes spool files after
            appends.add(new AppendRequest(content.source(), date, flags.get(i)));
        }
        AppendResult result;
        try {
            result = appends.size() == 1 ? mailbox.append(appends.get(0)) : mailbox.appendAll(appends);
        } catch (QuotaExceededException e) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.of("OVERQUOTA"), "Quota exceeded"));
            return;
        }
        SelectedMailbox selected = session.selected();
        if (selected != null && selected.mailbox().id() == mailbox.id()) {
            for (long uid : result.uids()) {
                session.reportAppended(uid, out);
            }
            announceNewKeywords(selected, flags, out);
        }
        out.add(StatusResponse.ok(request.tag(), new ResponseCode("APPENDUID",
                result.uidValidity() + " " + NumberSets.compact(result.uids())), "APPEND completed"));
    }

    /**
     * A keyword the appended messages brought into the selected mailbox is announced with {@code * FLAGS} and
     * {@code PERMANENTFLAGS} after the EXISTS, before the tagged OK (RFC 3501 §6.3.11 and §7.2.6): the client learns
     * of it now, not at the first FETCH that shows it. James and Dovecot do the same.
     */
    private static void announceNewKeywords(SelectedMailbox selected, List<Flags> flags, List<ImapResponse> out) {
        boolean fresh = false;
        for (Flags f : flags) {
            for (String keyword : f.keywords()) {
                fresh |= selected.announceKeyword(keyword);
            }
        }
        if (fresh) {
            out.addAll(KeywordAnnouncer.lists(selected.keywords(), selected.readOnly()));
        }
    }

    /** The octets to store for one message, or {@code null} with the refusal added to {@code out}. */
    private static NulFreeContent content(AppendMessageRequest.Message m, ImapSession session, List<ImapResponse> out,
                                          String tag) throws StoreException, IOException {
        ContentSource source;
        long size;
        Path directory;
        if (m.catenated()) {
            Catenation.Outcome outcome = Catenation.build(m.catenate(), session);
            if (outcome instanceof Catenation.BadUrl bad) {
                // RFC 4469 §6: url-resp-text is any TEXT-CHAR but "]"
                out.add(StatusResponse.no(tag, new ResponseCode("BADURL", bad.url().replace("]", "%5D")),
                        "CATENATE URL names no message part"));
                return null;
            }
            Catenation.Built built = (Catenation.Built) outcome;
            source = built.source();
            size = built.size();
            directory = Path.of(System.getProperty("java.io.tmpdir"));
        } else {
            Literal literal = m.message();
            source = literal::open;
            size = literal.size();
            directory = literal instanceof SpooledLiteral spooled ? spooled.file().getParent()
                    : Path.of(System.getProperty("java.io.tmpdir"));
        }
        if (size > session.config().appendLimit()) {
            out.add(StatusResponse.no(tag, ResponseCode.of("TOOBIG"), "Message exceeds APPENDLIMIT"));
            return null;
        }
        NulFreeContent content = NulFreeContent.of(source, size, directory);
        if (content == null) {
            out.add(StatusResponse.no(tag, ResponseCode.of("PARSE"), "Message has a NUL octet outside any MIME part body"));
        }
        return content;
    }

    /** Store flags for the wire flags, or {@code null} for an unknown {@code \flag}; {@code \Recent} is ignored. */
    private static Flags flags(List<String> wire) {
        EnumSet<SystemFlag> system = EnumSet.noneOf(SystemFlag.class);
        Set<String> keywords = new HashSet<>();
        outer:
        for (String flag : wire) {
            if (!flag.startsWith("\\")) {
                keywords.add(flag);
                continue;
            }
            if (flag.equalsIgnoreCase("\\Recent")) {
                continue;
            }
            for (SystemFlag f : SystemFlag.values()) {
                if (f.imapName().toLowerCase(Locale.ROOT).equals(flag.toLowerCase(Locale.ROOT))) {
                    system.add(f);
                    continue outer;
                }
            }
            return null;
        }
        return Flags.of(system, keywords);
    }
}
