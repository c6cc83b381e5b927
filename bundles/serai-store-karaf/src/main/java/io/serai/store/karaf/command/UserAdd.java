package io.serai.store.karaf.command;

import io.serai.store.api.MailStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
@Command(scope = "serai", name = "user-add", description = "Creates an account with INBOX and the special-use folders (Sent, Drafts, Trash, Junk, Archive)")
@Service
public class UserAdd implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "address", description = "The account address, user@domain (the domain must be local)", required = true)
    @Completion(DomainCompleter.class)
    String address;

    @Option(name = "--password", aliases = "-p", description = "The password; asked for when left out")
    String password;

    @org.apache.karaf.shell.api.action.lifecycle.Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        char[] secret = Passwords.obtain(session, password);
        try {
            store.accounts().createAccount(address, secret);
        } finally {
            java.util.Arrays.fill(secret, (char) 0);
        }
        System.out.println("Created account " + address);
        return null;
    }
}
