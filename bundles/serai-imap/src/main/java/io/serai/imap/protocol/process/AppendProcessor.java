package io.serai.imap.protocol.process;

import io.serai.imap.protocol.encode.NumberSets;
import io.serai.imap.protocol.request.AppendMessageRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.AppendResult;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.QuotaExceededException;
import io.serai.store.api.StoreException;
import io.serai.store.api.SystemFlag;

import java.io.IOException;
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
 * mailbox reports the new message as EXISTS at once (RFC 9051 §6.3.12 recommends it). MULTIAPPEND (RFC 3502)
 * appends every message or none, and APPENDUID then carries the UID set (RFC 4315 §3). A message with NUL octets
 * (only a literal8 may carry them, RFC 3516 §4.4) is stored with those parts in base64 ({@link NulFreeContent}).
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
        List<AppendRequest> appends = new ArrayList<>(request.messages().size());
        for (AppendMessageRequest.Message m : request.messages()) {
            if (m.message().size() > session.config().appendLimit()) {
                out.add(StatusResponse.no(request.tag(), ResponseCode.of("TOOBIG"), "Message exceeds APPENDLIMIT"));
                return;
            }
            Flags flags = flags(m.flags());
            if (flags == null) {
                out.add(StatusResponse.bad(request.tag(), "Unknown system flag"));
                return;
            }
            Instant date = m.internalDate() == null ? Instant.now() : m.internalDate().toInstant();
            NulFreeContent content = nulFree(m);
            if (content == null) {
                out.add(StatusResponse.no(request.tag(), ResponseCode.of("PARSE"),
                        "Message has a NUL octet outside any MIME part body"));
                return;
            }
            contents.add(content);
            // streamed from memory or from the spool file; the session deletes the file after the command
            appends.add(new AppendRequest(content.source(), date, flags));
        }
        Mailbox mailbox;
        try {
            mailbox = session.mailboxes().open(request.mailbox());
        } catch (NotFoundException e) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.TRYCREATE, "No such mailbox"));
            return;
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
        }
        out.add(StatusResponse.ok(request.tag(), new ResponseCode("APPENDUID",
                result.uidValidity() + " " + NumberSets.compact(result.uids())), "APPEND completed"));
    }

    private static NulFreeContent nulFree(AppendMessageRequest.Message m) throws StoreException {
        try {
            return NulFreeContent.of(m.message());
        } catch (IOException e) {
            throw new StoreException("Cannot read the appended message", e);
        }
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
