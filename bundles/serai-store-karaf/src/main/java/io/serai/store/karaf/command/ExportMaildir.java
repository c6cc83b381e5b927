package io.serai.store.karaf.command;

import java.nio.file.Path;

import io.serai.store.api.MailStore;
import io.serai.store.transfer.MaildirExporter;
import io.serai.store.transfer.TransferOptions;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

@Command(scope = "serai", name = "export-maildir",
        description = "Exports every mailbox of an account as a Maildir++ tree that Dovecot and mutt read")
@Service
public class ExportMaildir implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "account", description = "The account to export", required = true)
    @Completion(AccountCompleter.class)
    String account;

    @Argument(index = 1, name = "directory", description = "An empty or missing directory", required = true)
    @Completion(FileCompleter.class)
    String directory;

    @Override
    public Object execute() throws Exception {
        TransferReport.print(System.out, "Exported " + account + " to " + directory,
                new MaildirExporter(TransferOptions.defaults()).exportTree(store.mailboxes(account), Path.of(directory)));
        return null;
    }
}
