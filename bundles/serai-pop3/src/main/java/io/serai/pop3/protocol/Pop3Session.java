package io.serai.pop3.protocol;

import io.serai.pop3.api.MaildropLocks;
import io.serai.pop3.api.Pop3ServerConfig;
import io.serai.sasl.CredentialStore;
import io.serai.sasl.SaslMechanisms;
import io.serai.store.api.Mailbox;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.StoreException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine of one POP3 session (RFC 1939 §3): AUTHORIZATION → TRANSACTION → UPDATE. Command lines
 * in, {@link Response}s out; no I/O of its own except the (blocking) store and credential calls, so the
 * transport runs it off the network threads. Not thread-safe: one session, one thread at a time.
 */
public final class Pop3Session {

    private static final Logger LOG = LoggerFactory.getLogger(Pop3Session.class);

    private enum State { AUTHORIZATION, TRANSACTION, UPDATE }

    private final Pop3ServerConfig config;
    private final SocketAddress client;
    private final SaslMechanisms sasl;
    private final CredentialStore credentials;
    private State state = State.AUTHORIZATION;
    private boolean tls;
    /** The client is on a trusted network: clear-text logins as over TLS (loopback by default, as Dovecot). */
    private final boolean trustedClient;
    private String user;
    private SaslExchange exchange;
    private int authFailures;
    private MaildropLocks.Lease lease;
    private TransactionCommands transaction;

    public Pop3Session(Pop3ServerConfig config, SocketAddress client, boolean tls, SaslMechanisms sasl,
                       CredentialStore credentials) {
        this.config = config;
        this.client = client;
        this.tls = tls;
        this.trustedClient = config.trustedNetworks().contains(client);
        this.sasl = sasl;
        this.credentials = credentials;
    }

    public Response greeting() {
        return Response.reply(Replies.ok(config.hostname() + " Serai POP3 server ready"));
    }

    public Response onLine(byte[] line) {
        if (exchange != null) {
            return saslStep(exchange.respond(line));
        }
        Command command = Command.parse(line);
        return switch (state) {
            case AUTHORIZATION -> authorization(command);
            case TRANSACTION -> transaction(command);
            case UPDATE -> Response.close(new byte[0]);
        };
    }

    /** A line over {@code maxLineLength}: it was skipped, not buffered. */
    public Response onLineTooLong() {
        if (exchange != null) {
            exchange = null;
            return Response.reply(Replies.err("SASL response too long; authentication cancelled"));
        }
        return Response.reply(Replies.err("line too long"));
    }

    /** The STLS handshake has completed: anything learned in plaintext is forgotten (RFC 2595 §4). */
    public void tlsStarted() {
        tls = true;
        user = null;
    }

    /** The autologout timer expired (RFC 1939 §3): close without entering UPDATE. */
    public Response timeout() {
        return Response.close(Replies.err("autologout timer expired"));
    }

    public Response shutdown() {
        return Response.close(Replies.err(Replies.SYS_TEMP, "server shutting down"));
    }

    /** The connection is gone: release the maildrop. Marked messages stay (RFC 1939 §6: no UPDATE). */
    public void closed() {
        state = State.UPDATE;
        releaseLock();
    }

    public boolean authenticated() {
        return transaction != null;
    }

    private Response authorization(Command command) {
        return switch (command.keyword()) {
            case "CAPA" -> capa();
            case "QUIT" -> quit();
            case "USER" -> userCommand(command);
            case "PASS" -> pass(command);
            case "AUTH" -> auth(command);
            case "STLS" -> stls();
            default -> Response.reply(Replies.err("command not valid in AUTHORIZATION state"));
        };
    }

    private Response transaction(Command command) {
        if (lease != null && !lease.isValid()) {
            // the maildrop lease could not be renewed (cut off from the shared store past its lease time): another
            // node may hold the maildrop now, so this session stops, and QUIT deletes nothing (RFC 2449 §8.1.2)
            state = State.UPDATE;
            releaseLock();
            return Response.close(Replies.err(Replies.SYS_TEMP,
                    "maildrop lock lost; nothing deleted, log in again"));
        }
        return switch (command.keyword()) {
            case "CAPA" -> capa();
            case "QUIT" -> quit();
            default -> transaction.handle(command);
        };
    }

    private Response capa() {
        return Response.reply(Replies.multiLine("capability list follows",
                Capabilities.list(state == State.AUTHORIZATION, config.sslContext().isPresent(), tls,
                        clearTextAllowed(), mechanisms())));
    }

    private Response quit() {
        byte[] reply = state == State.TRANSACTION ? transaction.update(config.hostname())
                : Replies.ok(config.hostname() + " POP3 server signing off");
        state = State.UPDATE;
        releaseLock();
        return Response.close(reply);
    }

    private Response stls() {
        if (tls || config.sslContext().isEmpty()) {
            return Response.reply(Replies.err("STLS not available"));
        }
        user = null;
        return new Response(Replies.ok("begin TLS negotiation"), Response.Action.START_TLS, null, false);
    }

    private Response userCommand(Command command) {
        if (!clearTextAllowed()) {
            return Response.reply(Replies.err(Replies.AUTH, "USER requires TLS; use STLS first"));
        }
        if (command.rest().isEmpty()) {
            return Response.reply(Replies.err("USER needs a name"));
        }
        user = command.rest();
        // the same answer for every name, so USER does not reveal which accounts exist
        return Response.reply(Replies.ok("send PASS"));
    }

    private Response pass(Command command) {
        if (user == null) {
            return Response.reply(Replies.err("USER first"));
        }
        String name = user;
        user = null;
        byte[] password = command.rest().getBytes(StandardCharsets.ISO_8859_1);
        return credentials.verifyPassword(name, password) ? login(name) : authFailed();
    }

    private Response auth(Command command) {
        String[] args = command.args();
        if (args.length < 1 || args.length > 2 || args[0].isEmpty()) {
            return Response.reply(Replies.err("AUTH needs a mechanism"));
        }
        if (!mechanisms().contains(args[0].toUpperCase(java.util.Locale.ROOT))) {
            return Response.reply(Replies.err("unsupported or not allowed here: " + args[0]));
        }
        Optional<io.serai.sasl.SaslServer> server = sasl.create(args[0]);
        if (server.isEmpty()) {
            return Response.reply(Replies.err("unsupported mechanism"));
        }
        exchange = new SaslExchange(server.get());
        return saslStep(exchange.start(args.length == 2 ? args[1] : null));
    }

    private Response saslStep(SaslExchange.Step step) {
        if (!step.finished()) {
            return Response.reply(step.reply());
        }
        exchange = null;
        if (step.user() != null) {
            return login(step.user());
        }
        return step.badCredentials() ? authFailed() : Response.reply(step.reply());
    }

    /** Credentials are good: lock the maildrop and take the snapshot (RFC 1939 §4, §8). */
    private Response login(String account) {
        Optional<MaildropLocks.Lease> lock;
        try {
            lock = config.locks().tryLock(account);
        } catch (StoreException | RuntimeException e) {
            LOG.warn("Cannot lock the maildrop of {}", account, e);
            return Response.reply(Replies.err(Replies.SYS_TEMP, "maildrop cannot be locked now"));
        }
        if (lock.isEmpty()) {
            // RFC 2449 §8.1.1: the maildrop is in use by another session
            return Response.reply(Replies.err(Replies.IN_USE, "maildrop already locked"));
        }
        try {
            Mailbox inbox = config.store().mailboxes(account).open(Mailboxes.INBOX);
            long uidValidity = inbox.info().uidValidity();
            Maildrop maildrop = new Maildrop(inbox, uidValidity, inbox.messages());
            lease = lock.get();
            transaction = new TransactionCommands(maildrop, account, client, config.listener());
            state = State.TRANSACTION;
            return Response.reply(Replies.ok("maildrop has " + maildrop.count() + " messages ("
                    + maildrop.visibleOctets() + " octets)"));
        } catch (StoreException | RuntimeException e) {
            lock.get().close();
            LOG.warn("Cannot open the maildrop of {}", account, e);
            return Response.reply(Replies.err(Replies.SYS_TEMP, "maildrop cannot be opened now"));
        }
    }

    /** A failed login: answered after the configured delay, and the last allowed one closes the session. */
    private Response authFailed() {
        authFailures++;
        if (authFailures >= config.limits().maxAuthFailures()) {
            return Response.close(Replies.err(Replies.AUTH, "too many failed logins")).delayed();
        }
        return Response.reply(Replies.err(Replies.AUTH, "invalid credentials")).delayed();
    }

    private boolean clearTextAllowed() {
        return tls || trustedClient || config.userWithoutTls();
    }

    /** SCRAM never reveals the password, so it is offered in plaintext too; PLAIN and LOGIN only when allowed. */
    private List<String> mechanisms() {
        return clearTextAllowed() ? SaslMechanisms.SUPPORTED : List.of(SaslMechanisms.SCRAM_SHA_256);
    }

    private void releaseLock() {
        if (lease != null) {
            lease.close();
            lease = null;
        }
    }
}
