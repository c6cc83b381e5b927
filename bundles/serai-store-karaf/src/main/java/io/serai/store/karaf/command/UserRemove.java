package io.serai.store.karaf.command;

import io.serai.store.api.MailStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "serai", name = "user-remove", description = "Deletes an account with all its mailboxes, messages and aliases")
@Service
public class UserRemove implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "address", description = "The account", required = true)
    @Completion(AccountCompleter.class)
    String address;

    @Override
    public Object execute() throws Exception {
        store.accounts().deleteAccount(address);
        System.out.println("Deleted account " + address);
        return null;
    }
}
