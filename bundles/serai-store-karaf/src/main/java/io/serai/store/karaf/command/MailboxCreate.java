package io.serai.store.karaf.command;

import io.serai.store.api.MailStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "serai", name = "mailbox-create", description = "Creates a mailbox (parents with /, e.g. Projects/Caravan)")
@Service
public class MailboxCreate implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "account", description = "The account", required = true)
    @Completion(AccountCompleter.class)
    String account;

    @Argument(index = 1, name = "mailbox", description = "Mailbox name, / between levels", required = true)
    String mailbox;

    @Override
    public Object execute() throws Exception {
        store.mailboxes(account).create(mailbox);
        System.out.println("Created " + mailbox + " for " + account);
        return null;
    }
}
