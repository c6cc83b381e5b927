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
@Command(scope = "serai", name = "user-passwd", description = "Sets an account's password")
@Service
public class UserPasswd implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "address", description = "The account", required = true)
    @Completion(AccountCompleter.class)
    String address;

    @Option(name = "--password", aliases = "-p", description = "The new password; asked for when left out")
    String password;

    @org.apache.karaf.shell.api.action.lifecycle.Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        char[] secret = Passwords.obtain(session, password);
        try {
            store.accounts().setPassword(address, secret);
        } finally {
            java.util.Arrays.fill(secret, (char) 0);
        }
        System.out.println("Password of " + address + " changed");
        return null;
    }
}
