package io.serai.store.karaf.command;

import java.nio.file.Path;

import io.serai.store.api.MailStore;
import io.serai.store.transfer.MboxExporter;
import io.serai.store.transfer.TransferOptions;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

@Command(scope = "serai", name = "export-mbox",
        description = "Exports one mailbox to an mbox file, or every mailbox to a directory in Thunderbird's layout (A.sbd/B)")
@Service
public class ExportMbox implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "account", description = "The account to export", required = true)
    @Completion(AccountCompleter.class)
    String account;

    @Argument(index = 1, name = "path", description = "A new mbox file (with --mailbox) or an empty directory", required = true)
    @Completion(FileCompleter.class)
    String path;

    @Option(name = "--mailbox", aliases = "-m", description = "Export only this mailbox, to the file given")
    @Completion(MailboxCompleter.class)
    String mailbox;

    @Override
    public Object execute() throws Exception {
        MboxExporter exporter = new MboxExporter(TransferOptions.defaults());
        TransferReport.print(System.out, "Exported " + account + " to " + path, mailbox == null
                ? exporter.exportTree(store.mailboxes(account), Path.of(path))
                : exporter.exportMailbox(store.mailboxes(account), mailbox, Path.of(path)));
        return null;
    }
}
