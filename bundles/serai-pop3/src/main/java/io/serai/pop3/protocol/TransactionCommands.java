package io.serai.pop3.protocol;

import io.serai.pop3.api.MessageEvent;
import io.serai.pop3.api.Pop3EventListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TRANSACTION state commands (RFC 1939 §5, TOP and UIDL from §7) and the UPDATE state (§6) over one
 * {@link Maildrop}. Nothing is removed from the store before QUIT: DELE only marks.
 */
final class TransactionCommands {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionCommands.class);

    private final Maildrop maildrop;
    private final String account;
    private final SocketAddress client;
    private final Pop3EventListener listener;

    TransactionCommands(Maildrop maildrop, String account, SocketAddress client, Pop3EventListener listener) {
        this.maildrop = maildrop;
        this.account = account;
        this.client = client;
        this.listener = listener;
    }

    Response handle(Command command) {
        String[] args = command.args();
        return switch (command.keyword()) {
            case "STAT" -> args.length == 0
                    ? Response.reply(Replies.ok(maildrop.visibleCount() + " " + maildrop.visibleOctets()))
                    : syntax();
            case "LIST" -> list(args);
            case "UIDL" -> uidl(args);
            case "RETR" -> args.length == 1 ? retrieve(args[0], -1) : syntax();
            case "TOP" -> top(args);
            case "DELE" -> args.length == 1 ? delete(args[0]) : syntax();
            case "NOOP" -> Response.reply(Replies.ok(""));
            case "RSET" -> reset();
            default -> Response.reply(Replies.err("command not valid in TRANSACTION state"));
        };
    }

    private Response list(String[] args) {
        return scanListing(args, n -> n + " " + maildrop.size(n), "scan listing follows");
    }

    private Response uidl(String[] args) {
        return scanListing(args, n -> n + " " + maildrop.uidl(n), "unique-id listing follows");
    }

    /** LIST and UIDL share their shape: one message, or every message not marked deleted. */
    private Response scanListing(String[] args, java.util.function.IntFunction<String> entry, String heading) {
        if (args.length > 1) {
            return syntax();
        }
        if (args.length == 1) {
            int number = number(args[0]);
            return maildrop.visible(number) ? Response.reply(Replies.ok(entry.apply(number))) : noSuchMessage();
        }
        List<String> lines = new ArrayList<>(maildrop.count());
        for (int n = 1; n <= maildrop.count(); n++) {
            if (maildrop.visible(n)) {
                lines.add(entry.apply(n));
            }
        }
        return Response.reply(Replies.multiLine(heading, lines));
    }

    private Response top(String[] args) {
        if (args.length != 2) {
            return syntax();
        }
        long lines = Command.number(args[1]);
        return lines < 0 ? Response.reply(Replies.err("invalid line count")) : retrieve(args[0], lines);
    }

    private Response retrieve(String arg, long topLines) {
        int number = number(arg);
        if (!maildrop.visible(number)) {
            return noSuchMessage();
        }
        long uid = maildrop.uid(number);
        InputStream in;
        try {
            in = maildrop.mailbox().content(uid).openStream();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read message {} of {}", uid, account, e);
            return Response.reply(Replies.err(Replies.SYS_TEMP, "message cannot be read now"));
        }
        if (topLines >= 0) {
            return Response.transfer(new Transfer(in, Replies.ok("top of message follows"), topLines, null));
        }
        MessageEvent event = new MessageEvent(account, uid, maildrop.uidl(number), maildrop.size(number), client);
        return Response.transfer(new Transfer(in, Replies.ok(maildrop.size(number) + " octets"), -1,
                () -> notify(listener::retrieved, event)));
    }

    private Response delete(String arg) {
        int number = number(arg);
        if (!maildrop.visible(number)) {
            return noSuchMessage(); // also for one already marked (RFC 1939 §5 DELE)
        }
        maildrop.markDeleted(number);
        return Response.reply(Replies.ok("message " + number + " deleted"));
    }

    private Response reset() {
        maildrop.unmarkAll();
        return Response.reply(Replies.ok("maildrop has " + maildrop.visibleCount() + " messages ("
                + maildrop.visibleOctets() + " octets)"));
    }

    /**
     * QUIT in TRANSACTION enters UPDATE (RFC 1939 §6): every marked message is removed in one store call, so a
     * failure leaves all of them. Returns the reply; the caller closes the connection and releases the lock.
     */
    byte[] update(String hostname) {
        List<Integer> marked = maildrop.deletedNumbers();
        if (marked.isEmpty()) {
            return Replies.ok(hostname + " POP3 server signing off");
        }
        long[] uids = marked.stream().mapToLong(maildrop::uid).toArray();
        long[] removed;
        try {
            removed = maildrop.mailbox().expunge(uids);
        } catch (IOException | RuntimeException e) {
            LOG.warn("UPDATE of {}'s maildrop failed; nothing deleted", account, e);
            return Replies.err(Replies.SYS_TEMP, "some deleted messages not removed");
        }
        java.util.Set<Long> gone = new java.util.HashSet<>();
        for (long uid : removed) {
            gone.add(uid);
        }
        for (int number : marked) {
            if (gone.contains(maildrop.uid(number))) {
                notify(listener::deleted, new MessageEvent(account, maildrop.uid(number), maildrop.uidl(number),
                        maildrop.size(number), client));
            }
        }
        return Replies.ok(hostname + " POP3 server signing off (" + removed.length + " messages deleted)");
    }

    private static void notify(Consumer<MessageEvent> target, MessageEvent event) {
        try {
            target.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("POP3 event listener failed on {}", event, e);
        }
    }

    private static int number(String arg) {
        long n = Command.number(arg);
        return n < 1 || n > Integer.MAX_VALUE ? -1 : (int) n;
    }

    private static Response noSuchMessage() {
        return Response.reply(Replies.err("no such message"));
    }

    private static Response syntax() {
        return Response.reply(Replies.err("syntax error in arguments"));
    }
}
