package io.serai.routes.relay.command;

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

@Command(scope = "serai", name = "deadletter-replay",
        description = "Puts dead letters back into the relay queue for their failed recipients, due now with a fresh lifetime")
@Service
public class DeadLetterReplay implements Action {

    @Reference
    DeadLetters deadLetters;

    @Argument(index = 0, name = "ids", description = "Dead-letter ids", multiValued = true)
    @Completion(DeadLetterCompleter.class)
    List<String> ids = new ArrayList<>();

    @Option(name = "--all", description = "Replay every dead letter")
    boolean all;

    @Override
    public Object execute() throws Exception {
        List<SpoolEntry> letters = DeadLetterPurge.select(deadLetters, ids, all);
        for (SpoolEntry letter : letters) {
            deadLetters.replay(letter);
            System.out.println("Queued " + letter.id() + " for " + String.join(", ", letter.recipients()));
        }
        return null;
    }
}
