package io.serai.store.karaf.command;

import java.nio.file.Files;
import java.nio.file.Path;

import io.serai.store.api.MailStore;
import io.serai.store.transfer.MaildirImporter;
import io.serai.store.transfer.TransferOptions;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

@Command(scope = "serai", name = "import-maildir",
        description = "Imports a Maildir++ tree (Dovecot, Courier, Postfix): INBOX from the root, .A.B folders as A/B, with flags and keywords")
@Service
public class ImportMaildir implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "account", description = "The account to import into", required = true)
    @Completion(AccountCompleter.class)
    String account;

    @Argument(index = 1, name = "maildir", description = "Root of the Maildir (the folder with cur/ new/ tmp/)", required = true)
    @Completion(FileCompleter.class)
    String maildir;

    @Option(name = "--max-size", description = "Skip messages larger than this, e.g. 64M")
    String maxSize = "64M";

    @Override
    public Object execute() throws Exception {
        Path root = Path.of(maildir);
        if (!Files.isDirectory(root.resolve("cur")) && !Files.isDirectory(root.resolve("new"))) {
            throw new IllegalArgumentException(root + " is not a Maildir: it has no cur/ or new/");
        }
        TransferOptions options = TransferOptions.defaults().withMaxMessageSize(Sizes.parse(maxSize));
        TransferReport.print(System.out, "Imported " + root + " into " + account,
                new MaildirImporter(options).importTree(root, store.mailboxes(account)));
        return null;
    }
}
