package io.serai.imap.protocol.process;

import static io.serai.imap.protocol.process.SessionState.AUTHENTICATED;
import static io.serai.imap.protocol.process.SessionState.NOT_AUTHENTICATED;
import static io.serai.imap.protocol.process.SessionState.SELECTED;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.UidExpungeRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.AlreadyExistsException;
import io.serai.store.api.InvalidNameException;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;
import io.serai.store.api.StoreUnavailableException;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes each request to its {@link CommandProcessor} if the command is valid in the current state (RFC 9051 §6:
 * "Valid states"), and maps store failures to tagged NO with RFC 5530 response codes.
 */
final class Processors {

    private record Entry(CommandProcessor<ImapRequest> processor, EnumSet<SessionState> states) {
    }

    private static final EnumSet<SessionState> ANY = EnumSet.of(NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
    private static final EnumSet<SessionState> AUTHED = EnumSet.of(AUTHENTICATED, SELECTED);

    private final Map<String, Entry> entries = new HashMap<>();

    Processors() {
        add("CAPABILITY", ANY, new CapabilityProcessor());
        add("NOOP", ANY, new NoopProcessor());
        add("LOGOUT", ANY, new LogoutProcessor());
        add("ID", ANY, new IdProcessor());
        add("STARTTLS", EnumSet.of(NOT_AUTHENTICATED), new StartTlsProcessor());
        add("LOGIN", EnumSet.of(NOT_AUTHENTICATED), new LoginProcessor());
        add("AUTHENTICATE", EnumSet.of(NOT_AUTHENTICATED), new AuthenticateProcessor());
        add("ENABLE", AUTHED, new EnableProcessor());
        add("NAMESPACE", AUTHED, new NamespaceProcessor());
        ListProcessor list = new ListProcessor();
        add("LIST", AUTHED, list);
        add("LSUB", AUTHED, list);
        add("CREATE", AUTHED, new CreateProcessor());
        add("DELETE", AUTHED, new DeleteProcessor());
        add("RENAME", AUTHED, new RenameProcessor());
        SubscribeProcessor subscribe = new SubscribeProcessor();
        add("SUBSCRIBE", AUTHED, subscribe);
        add("UNSUBSCRIBE", AUTHED, subscribe);
        add("STATUS", AUTHED, new StatusProcessor());
        add("APPEND", AUTHED, new AppendProcessor());
        SelectProcessor select = new SelectProcessor();
        add("SELECT", AUTHED, select);
        add("EXAMINE", AUTHED, select);
        CloseProcessor close = new CloseProcessor();
        add("CLOSE", EnumSet.of(SELECTED), close);
        add("UNSELECT", EnumSet.of(SELECTED), close);
        add("CHECK", EnumSet.of(SELECTED), new NoopProcessor()); // RFC 3501 §6.4.1; gone in IMAP4rev2
        add("EXPUNGE", EnumSet.of(SELECTED), new ExpungeProcessor());
        add("IDLE", AUTHED, new IdleProcessor());
        QuotaProcessor quota = new QuotaProcessor();
        add("GETQUOTAROOT", AUTHED, quota);
        add("GETQUOTA", AUTHED, quota);
        add("SETQUOTA", AUTHED, quota);
        add("COMPRESS", AUTHED, new CompressProcessor());
        add("STORE", EnumSet.of(SELECTED), new StoreProcessor());
        add("SEARCH", EnumSet.of(SELECTED), new SearchProcessor());
        add("SORT", EnumSet.of(SELECTED), new SortProcessor());
        add("THREAD", EnumSet.of(SELECTED), new ThreadProcessor());
        add("COPY", EnumSet.of(SELECTED), new CopyProcessor());
        add("MOVE", EnumSet.of(SELECTED), new MoveProcessor());
        add(UidExpungeRequest.COMMAND, EnumSet.of(SELECTED), new UidExpungeProcessor());
        add("FETCH", EnumSet.of(SELECTED), new FetchProcessor()); // also UID FETCH (FetchRequest.byUid)
    }

    @SuppressWarnings("unchecked")
    private void add(String command, EnumSet<SessionState> states, CommandProcessor<? extends ImapRequest> p) {
        entries.put(command, new Entry((CommandProcessor<ImapRequest>) p, states));
    }

    void dispatch(ImapRequest request, ImapSession session, List<ImapResponse> out) {
        Entry entry = entries.get(request.command());
        if (entry == null) {
            out.add(StatusResponse.bad(request.tag(), request.command() + " is not implemented yet"));
            return;
        }
        if (!entry.states().contains(session.state())) {
            out.add(StatusResponse.bad(request.tag(), request.command() + " not allowed now"));
            return;
        }
        try {
            entry.processor().process(request, session, out);
        } catch (NotFoundException e) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.NONEXISTENT, "No such mailbox"));
        } catch (AlreadyExistsException e) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.ALREADYEXISTS, "Mailbox already exists"));
        } catch (InvalidNameException e) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.CANNOT, "Invalid mailbox name"));
        } catch (StoreUnavailableException e) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.UNAVAILABLE, "Mailbox store unavailable, try again later"));
        } catch (StoreException e) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.SERVERBUG, "Store failure"));
        } catch (java.io.UncheckedIOException e) {
            // look-ups without a checked exception (LOGIN's password check) report an unreachable store this way
            if (!(e.getCause() instanceof StoreUnavailableException)) {
                throw e;
            }
            out.add(StatusResponse.no(request.tag(), ResponseCode.UNAVAILABLE, "Mailbox store unavailable, try again later"));
        }
    }
}
