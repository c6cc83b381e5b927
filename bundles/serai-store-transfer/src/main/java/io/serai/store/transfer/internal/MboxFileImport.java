package io.serai.store.transfer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.serai.store.api.ContentSource;
import io.serai.store.api.StoreException;
import io.serai.store.transfer.TransferOptions;

/**
 * Appends the messages of one mbox file to one mailbox. Each message is read straight from its region of the
 * file when the store asks for it: mboxrd unquoting, status headers removed, LF to CRLF, all while streaming.
 */
public final class MboxFileImport {
    private final TransferOptions options;
    private final ResultCollector result;

    public MboxFileImport(TransferOptions options, ResultCollector result) {
        this.options = options;
        this.result = result;
    }

    /**
     * Imports {@code file} into {@code mailbox}. The mailbox is opened (or created) only once the file has
     * turned out to be an mbox file, so a stray file leaves no empty mailbox behind; a file that is not mbox is
     * reported as skipped.
     */
    public void importInto(Path file, String mailbox, MailboxTargets targets, BatchAppender appender)
            throws IOException {
        Instant fallbackDate;
        try {
            fallbackDate = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            result.skipped(file.toString(), "cannot be read: " + Reasons.of(e));
            return;
        }
        boolean[] opened = {false};
        boolean mbox;
        try {
            mbox = MboxScanner.scan(file, m -> {
                if (!opened[0]) {
                    appender.target(targets.openOrCreate(mailbox), mailbox);
                    opened[0] = true;
                }
                add(file, m, fallbackDate, appender);
            });
        } catch (StoreException e) {
            throw e;
        } catch (IOException e) {
            appender.flush();
            result.skipped(file.toString(), "reading stopped, messages after the failure not imported: " + Reasons.of(e));
            return;
        }
        if (!mbox) {
            result.skipped(file.toString(), "not an mbox file: it does not start with a 'From ' line");
            return;
        }
        if (!opened[0]) {
            appender.target(targets.openOrCreate(mailbox), mailbox); // an empty mbox is an empty mailbox
        }
        appender.flush();
    }

    private void add(Path file, MboxMessage m, Instant fallbackDate, BatchAppender appender) throws IOException {
        String source = file + "#" + m.line();
        if (m.length() > options.maxMessageSize()) {
            result.skipped(source, "message of " + m.length() + " bytes exceeds the limit of "
                    + options.maxMessageSize() + " bytes");
            return;
        }
        if (m.length() == 0) {
            result.skipped(source, "empty message");
            return;
        }
        ContentSource content = () -> new CrlfInputStream(new HeaderDroppingInputStream(
                new MboxrdUnquotingInputStream(RegionInputStream.open(file, m.start(), m.end())),
                MboxStatusHeaders.REMOVED_ON_IMPORT));
        appender.add(source, content, m.date().orElse(fallbackDate), m.flags());
    }
}
