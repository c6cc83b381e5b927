package io.serai.routes.relay.command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.serai.routes.relay.DeadLetters;
import io.serai.routes.relay.spool.SpoolEntry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "serai", name = "deadletter-list",
        description = "Lists the messages the outbound relay gave up on: id, queued, sender, failed recipients, error")
@Service
public class DeadLetterList implements Action {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Reference
    DeadLetters deadLetters;

    @Override
    public Object execute() throws Exception {
        List<SpoolEntry> letters = deadLetters.list();
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Queued");
        table.column("Sender").maxSize(30);
        table.column("Recipients").maxSize(40);
        table.column("Error").maxSize(60);
        for (SpoolEntry letter : letters) {
            table.addRow().addContent(letter.id(), DATE.format(letter.queuedAt()),
                    letter.sender().isEmpty() ? "<>" : letter.sender(), String.join(", ", letter.recipients()),
                    letter.lastError());
        }
        table.print(System.out);
        System.out.println(letters.size() + " dead letters");
        return null;
    }
}
