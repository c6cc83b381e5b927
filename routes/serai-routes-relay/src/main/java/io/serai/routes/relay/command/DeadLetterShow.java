package io.serai.routes.relay.command;

import java.io.InputStream;
import java.io.PrintStream;

import io.serai.routes.relay.DeadLetters;
import io.serai.routes.relay.spool.SpoolEntry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "serai", name = "deadletter-show",
        description = "Shows a dead letter: its envelope, the final error and the message header (--full: the whole message)")
@Service
public class DeadLetterShow implements Action {

    @Reference
    DeadLetters deadLetters;

    @Argument(index = 0, name = "id", description = "The dead letter's id (serai:deadletter-list)", required = true)
    @Completion(DeadLetterCompleter.class)
    String id;

    @Option(name = "--full", description = "Print the whole message, not only its header")
    boolean full;

    @Override
    public Object execute() throws Exception {
        SpoolEntry letter = DeadLetterIds.find(deadLetters, id);
        PrintStream out = System.out;
        out.println("Id:         " + letter.id());
        out.println("Sender:     " + (letter.sender().isEmpty() ? "<>" : letter.sender()));
        out.println("Recipients: " + String.join(", ", letter.recipients()));
        out.println("Queued:     " + DeadLetterList.DATE.format(letter.queuedAt()));
        out.println("Failed:     " + DeadLetterList.DATE.format(letter.nextAttempt()) + " after " + letter.attempts()
                + " attempt(s)");
        out.println("Error:      " + letter.lastError());
        out.println();
        try (InputStream in = deadLetters.open(letter)) {
            copy(in, out);
        }
        out.flush();
        return null;
    }

    /** The message bytes as they are; without --full, up to the blank line after the header. */
    private void copy(InputStream in, PrintStream out) throws java.io.IOException {
        int previous = -1;
        int beforePrevious = -1;
        for (int b; (b = in.read()) >= 0; ) {
            out.write(b);
            boolean blankLine = b == '\n' && (previous == '\n' || (previous == '\r' && beforePrevious == '\n'));
            if (blankLine && !full) {
                return;
            }
            beforePrevious = previous;
            previous = b;
        }
    }
}
