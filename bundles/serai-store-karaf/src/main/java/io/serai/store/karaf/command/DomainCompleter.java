package io.serai.store.karaf.command;

import java.util.List;

import io.serai.store.api.MailStore;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes local domain names. */
@Service
public class DomainCompleter implements Completer {

    @Reference
    MailStore store;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(store.accounts().domains()).complete(session, commandLine, candidates);
    }
}
