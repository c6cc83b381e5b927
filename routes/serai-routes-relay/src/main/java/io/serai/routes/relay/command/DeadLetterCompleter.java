package io.serai.routes.relay.command;

import java.util.List;

import io.serai.routes.relay.DeadLetters;
import io.serai.routes.relay.spool.SpoolEntry;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes dead-letter ids. */
@Service
public class DeadLetterCompleter implements Completer {

    @Reference
    DeadLetters deadLetters;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        try {
            List<String> ids = deadLetters.list().stream().map(SpoolEntry::id).toList();
            return new StringsCompleter(ids).complete(session, commandLine, candidates);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
