package io.serai.store.karaf.command;

import java.util.ArrayList;
import java.util.List;

import io.serai.store.api.MailStore;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes account addresses of every local domain. */
@Service
public class AccountCompleter implements Completer {

    @Reference
    MailStore store;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> accounts = new ArrayList<>();
        for (String domain : store.accounts().domains()) {
            accounts.addAll(store.accounts().accounts(domain));
        }
        return new StringsCompleter(accounts).complete(session, commandLine, candidates);
    }
}
