package io.serai.routes.relay.command;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.serai.routes.relay.DeadLetters;
import io.serai.routes.relay.spool.SpoolEntry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "serai", name = "deadletter-purge", description = "Deletes dead letters for good")
@Service
public class DeadLetterPurge implements Action {

    @Reference
    DeadLetters deadLetters;

    @Argument(index = 0, name = "ids", description = "Dead-letter ids", multiValued = true)
    @Completion(DeadLetterCompleter.class)
    List<String> ids = new ArrayList<>();

    @Option(name = "--all", description = "Delete every dead letter")
    boolean all;

    @Override
    public Object execute() throws Exception {
        List<SpoolEntry> letters = select(deadLetters, ids, all);
        for (SpoolEntry letter : letters) {
            deadLetters.purge(letter);
        }
        System.out.println("Purged " + letters.size() + " dead letters");
        return null;
    }

    /** The named letters (all of them must exist), or every letter with --all. */
    static List<SpoolEntry> select(DeadLetters deadLetters, List<String> ids, boolean all) throws IOException {
        if (all == !ids.isEmpty()) {
            throw new IllegalArgumentException("Name dead-letter ids or give --all");
        }
        if (all) {
            return deadLetters.list();
        }
        List<SpoolEntry> letters = new ArrayList<>();
        for (String id : ids) {
            letters.add(DeadLetterIds.find(deadLetters, id));
        }
        return letters;
    }
}
