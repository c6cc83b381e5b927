package io.serai.store.karaf.command;

import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedMailStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "serai", name = "store-compact",
        description = "Reclaims the disk space of expunged messages in content files that are mostly garbage")
@Service
public class StoreCompact implements Action {

    @Reference
    MailStore store;

    @Option(name = "--max-live", description = "Rewrite a content file when at most this share of it is still live (0..1]")
    double ratio = 0.5;

    @Override
    public Object execute() throws Exception {
        if (!(store instanceof EmbeddedMailStore embedded)) {
            throw new IllegalStateException("Only the embedded store compacts; this store is " + store.getClass().getName());
        }
        if (ratio <= 0 || ratio > 1) {
            throw new IllegalArgumentException("--max-live must be in (0, 1]");
        }
        System.out.println(embedded.compact(ratio));
        return null;
    }
}
