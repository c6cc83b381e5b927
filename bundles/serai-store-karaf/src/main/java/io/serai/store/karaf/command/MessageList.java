package io.serai.store.karaf.command;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.mime.Envelope;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "serai", name = "message-list", description = "Lists the newest messages of a mailbox: UID, date, size, flags, sender and subject")
@Service
public class MessageList implements Action {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Reference
    MailStore store;

    @Argument(index = 0, name = "account", description = "The account", required = true)
    @Completion(AccountCompleter.class)
    String account;

    @Argument(index = 1, name = "mailbox", description = "The mailbox (INBOX when left out)")
    @Completion(MailboxCompleter.class)
    String mailbox = "INBOX";

    @Option(name = "--limit", aliases = "-n", description = "How many of the newest messages to show")
    int limit = 50;

    @Override
    public Object execute() throws Exception {
        Mailbox box = store.mailboxes(account).open(mailbox);
        List<MessageMeta> messages = box.messages();
        ShellTable table = new ShellTable();
        table.column("UID").alignRight();
        table.column("Date");
        table.column("Size").alignRight();
        table.column("Flags");
        table.column("From").maxSize(30);
        table.column("Subject").maxSize(50);
        for (MessageMeta meta : messages.subList(Math.max(0, messages.size() - Math.max(limit, 0)), messages.size())) {
            Envelope envelope = box.content(meta.uid()).structure().envelope();
            table.addRow().addContent(meta.uid(), DATE.format(meta.internalDate()), Sizes.human(meta.size()),
                    flags(meta.flags()), display(envelope.from()), display(envelope.subject()));
        }
        table.print(System.out);
        System.out.println(messages.size() + " messages in " + mailbox);
        return null;
    }

    /** Flags as IMAP shows them: \\Seen \\Flagged $label. */
    private static String flags(io.serai.store.api.Flags flags) {
        java.util.List<String> names = new java.util.ArrayList<>();
        flags.system().forEach(f -> names.add(f.imapName()));
        names.addAll(flags.keywords());
        return String.join(" ", names);
    }

    /** Header bytes shown as text for the console only; stored bytes are never changed. */
    private static String display(Optional<byte[]> header) {
        return header.map(bytes -> new String(bytes, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim())
                .orElse("");
    }
}
