package io.serai.imap.protocol.process;

import io.serai.imap.protocol.response.FetchResponse;
import io.serai.imap.protocol.response.FetchValue;
import io.serai.imap.protocol.response.FlagsFetchResponse;
import io.serai.imap.protocol.response.FlagsResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.Status;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.SystemFlag;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps the client's list of flags ahead of the flags it is shown: before the first FETCH that carries a keyword the
 * session never announced, it inserts an updated {@code * FLAGS (...)} and {@code * OK [PERMANENTFLAGS (...)]}
 * (RFC 3501 §7.2.6, RFC 9051 §7.3.5: FLAGS names the flags applicable to the mailbox, and clients such as imaptest
 * reject a keyword they were never told about). Works on the finished response list of a command or an IDLE push.
 */
final class KeywordAnnouncer {

    private KeywordAnnouncer() {
    }

    static void announce(SelectedMailbox selected, List<ImapResponse> out) {
        for (int i = 0; i < out.size(); i++) {
            List<String> flags = flagsOf(out.get(i));
            if (flags.isEmpty()) {
                continue;
            }
            boolean fresh = false;
            for (String flag : flags) {
                if (!flag.startsWith("\\") && selected.announceKeyword(flag)) {
                    fresh = true;
                }
            }
            if (fresh) {
                List<ImapResponse> lists = lists(selected.keywords(), selected.readOnly());
                out.addAll(i, lists);
                i += lists.size();
            }
        }
    }

    /** {@code * FLAGS} and {@code * OK [PERMANENTFLAGS]} for the system flags and these keywords (SELECT, updates). */
    static List<ImapResponse> lists(Set<String> keywords, boolean readOnly) {
        List<String> flags = new ArrayList<>();
        for (SystemFlag f : SystemFlag.values()) {
            flags.add(f.imapName());
        }
        flags.addAll(keywords);
        List<String> permanent = new ArrayList<>();
        if (!readOnly) {
            permanent.addAll(flags);
            permanent.add("\\*"); // clients may create keywords (RFC 9051 §7.1)
        }
        return List.of(new FlagsResponse(flags),
                StatusResponse.untagged(Status.OK, ResponseCode.list("PERMANENTFLAGS", permanent), "Flags"));
    }

    private static List<String> flagsOf(ImapResponse response) {
        if (response instanceof FlagsFetchResponse f && !f.modSeqOnly()) {
            return f.flags();
        }
        if (response instanceof FetchResponse f) {
            for (FetchValue v : f.values()) {
                if (v instanceof FetchValue.Flags flags) {
                    return flags.flags();
                }
            }
        }
        return List.of();
    }
}
