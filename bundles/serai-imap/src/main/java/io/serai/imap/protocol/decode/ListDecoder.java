package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.ListRequest;
import io.serai.imap.protocol.request.StatusItem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]} (RFC 9051 §6.3.9,
 * LIST-EXTENDED RFC 5258 §3, LIST-STATUS RFC 5819) and {@code "LSUB" SP mailbox SP list-mailbox} (RFC 3501 §6.3.9).
 * Patterns stay in wire form: wildcards must survive the modified UTF-7 decoding done by the processor.
 */
final class ListDecoder implements CommandDecoder {

    private static final Set<String> SELECTION = Set.of("SUBSCRIBED", "REMOTE", "RECURSIVEMATCH", "SPECIAL-USE");
    private static final Set<String> RETURNS = Set.of("SUBSCRIBED", "CHILDREN", "SPECIAL-USE", "STATUS");

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        boolean lsub = command.equals("LSUB");
        in.sp();
        Set<String> selection = new HashSet<>();
        if (!lsub && in.peek() == '(') {
            for (String option : in.atomList(true)) {
                selection.add(option.toUpperCase(Locale.ROOT));
            }
            in.sp();
        }
        String reference = MailboxNames.decode(in.astring(), utf8);
        in.sp();
        List<String> patterns = new ArrayList<>();
        if (!lsub && in.peek() == '(') {
            in.expect('(');
            do {
                patterns.add(in.listMailbox());
            } while (in.tryConsume(' '));
            in.expect(')');
        } else {
            patterns.add(in.listMailbox());
        }
        Set<String> returns = new HashSet<>();
        List<StatusItem> statusItems = new ArrayList<>();
        if (!lsub && in.tryConsume(' ')) {
            if (!in.atom().equalsIgnoreCase("RETURN")) {
                throw in.error("Expected RETURN");
            }
            in.sp();
            returnOptions(in, returns, statusItems);
        }
        in.end();
        validate(in, selection, returns);
        return new ListRequest(tag, lsub, reference, patterns, selection, returns, statusItems);
    }

    /**
     * RFC 5258 §3: unknown selection or return options are errors, and RECURSIVEMATCH must come with a selection
     * option other than REMOTE, as it only refines one (answered BAD, as Dovecot does).
     */
    private static void validate(ArgumentReader in, Set<String> selection, Set<String> returns)
            throws DecodeException {
        for (String option : selection) {
            if (!SELECTION.contains(option)) {
                throw in.error("Unknown LIST selection option " + option);
            }
        }
        if (selection.contains("RECURSIVEMATCH")
                && selection.stream().noneMatch(o -> !o.equals("RECURSIVEMATCH") && !o.equals("REMOTE"))) {
            throw in.error("RECURSIVEMATCH needs another selection option");
        }
        for (String option : returns) {
            if (!RETURNS.contains(option)) {
                throw in.error("Unknown LIST return option " + option);
            }
        }
    }

    private static void returnOptions(ArgumentReader in, Set<String> returns, List<StatusItem> statusItems)
            throws DecodeException {
        in.expect('(');
        if (in.tryConsume(')')) {
            return;
        }
        do {
            String option = in.atom().toUpperCase(Locale.ROOT);
            returns.add(option);
            if (option.equals("STATUS")) {
                in.sp();
                statusItems.addAll(StatusDecoder.items(in));
            }
        } while (in.tryConsume(' '));
        in.expect(')');
    }
}
