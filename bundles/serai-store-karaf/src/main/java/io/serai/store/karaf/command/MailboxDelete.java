package io.serai.store.karaf.command;

import io.serai.store.api.MailStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "serai", name = "mailbox-delete", description = "Deletes a mailbox and its messages")
@Service
public class MailboxDelete implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "account", description = "The account", required = true)
    @Completion(AccountCompleter.class)
    String account;

    @Argument(index = 1, name = "mailbox", description = "Mailbox name", required = true)
    @Completion(MailboxCompleter.class)
    String mailbox;

    @Override
    public Object execute() throws Exception {
        store.mailboxes(account).delete(mailbox);
        System.out.println("Deleted " + mailbox + " of " + account);
        return null;
    }
}
