package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.store.api.StoreException;

import java.util.List;

/** Executes one kind of command against the session; appends its untagged and tagged responses to {@code out}. */
interface CommandProcessor<R extends ImapRequest> {

    void process(R request, ImapSession session, List<ImapResponse> out) throws StoreException;
}
