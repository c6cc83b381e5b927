package io.serai.store.karaf.command;

import java.nio.file.Files;
import java.nio.file.Path;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailboxes;
import io.serai.store.transfer.MboxImporter;
import io.serai.store.transfer.TransferOptions;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

@Command(scope = "serai", name = "import-mbox",
        description = "Imports an mbox file (mboxrd, RFC 4155) into one mailbox, or a directory of mbox files into mailboxes named after them")
@Service
public class ImportMbox implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "account", description = "The account to import into", required = true)
    @Completion(AccountCompleter.class)
    String account;

    @Argument(index = 1, name = "path", description = "An mbox file, or a directory of them", required = true)
    @Completion(FileCompleter.class)
    String path;

    @Option(name = "--mailbox", aliases = "-m", description = "Mailbox for a single file (INBOX when left out)")
    String mailbox = Mailboxes.INBOX;

    @Option(name = "--max-size", description = "Skip messages larger than this, e.g. 64M")
    String maxSize = "64M";

    @Override
    public Object execute() throws Exception {
        Path source = Path.of(path);
        MboxImporter importer = new MboxImporter(TransferOptions.defaults().withMaxMessageSize(Sizes.parse(maxSize)));
        Mailboxes target = store.mailboxes(account);
        TransferReport.print(System.out, "Imported " + source + " into " + account,
                Files.isDirectory(source) ? importer.importDirectory(source, target)
                        : importer.importFile(source, target, mailbox));
        return null;
    }
}
