package io.serai.store.karaf.command;

import java.util.List;

import io.serai.store.api.MailStore;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.StoreException;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the mailboxes of the account given as the command's first argument. */
@Service
public class MailboxCompleter implements Completer {

    @Reference
    MailStore store;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String[] words = commandLine.getArguments();
        String account = null;
        for (int i = 1; i < commandLine.getCursorArgumentIndex() && i < words.length; i++) {
            if (!words[i].startsWith("-")) {
                account = words[i];
                break;
            }
        }
        if (account == null) {
            return -1;
        }
        try {
            List<String> names = store.mailboxes(account).list().stream().map(MailboxInfo::name).toList();
            return new StringsCompleter(names).complete(session, commandLine, candidates);
        } catch (StoreException | RuntimeException unknownAccount) {
            return -1;
        }
    }
}
