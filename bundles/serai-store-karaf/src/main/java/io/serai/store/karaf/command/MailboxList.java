package io.serai.store.karaf.command;

import io.serai.store.api.MailStore;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.SpecialUse;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
@Command(scope = "serai", name = "mailbox-list", description = "Lists an account's mailboxes")
@Service
public class MailboxList implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "account", description = "The account", required = true)
    @Completion(AccountCompleter.class)
    String account;

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable();
        table.column("Mailbox");
        table.column("Special use");
        table.column("Messages").alignRight();
        table.column("Size").alignRight();
        table.column("UIDVALIDITY").alignRight();
        table.column("UIDNEXT").alignRight();
        Mailboxes mailboxes = store.mailboxes(account);
        for (MailboxInfo info : mailboxes.list()) {
            table.addRow().addContent(info.name(), info.specialUse().map(SpecialUse::attribute).orElse(""),
                    info.messages(), Sizes.human(info.octets()), info.uidValidity(), info.uidNext());
        }
        table.print(System.out);
        return null;
    }
}
