package io.serai.store.transfer.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageContent;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.NotFoundException;
import io.serai.store.transfer.LineEnding;
import io.serai.store.transfer.TransferOptions;

/**
 * Writes one store mailbox as one Maildir folder. Each message is written to {@code tmp/} and then renamed
 * into {@code cur/} (the delivery protocol of the Maildir spec, so a reader never sees half a file), with its
 * flags in the info part and its internal date as mtime, which is where Dovecot reads the received date.
 */
public final class MaildirFolderExport {
    private final TransferOptions options;
    private final ResultCollector result;
    private final String host;
    private final long pid = ProcessHandle.current().pid();

    public MaildirFolderExport(TransferOptions options, ResultCollector result, String host) {
        this.options = options;
        this.result = result;
        this.host = MaildirFileNames.safeHost(host);
    }

    /**
     * @param maildir the folder directory (created with {@code cur/}, {@code new/}, {@code tmp/})
     * @param subfolder true for {@code .Folder} directories, which Maildir++ marks with a {@code maildirfolder}
     *                  file
     */
    public void export(Mailbox mailbox, String name, Path maildir, boolean subfolder) throws IOException {
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        if (subfolder) {
            Files.write(maildir.resolve("maildirfolder"), new byte[0]);
        }
        List<MessageMeta> messages = mailbox.messages();
        Map<String, Character> letters = keywordLetters(messages, name);
        if (!letters.isEmpty()) {
            DovecotKeywords.write(maildir, letters);
        }
        String uniqueSuffix = "V" + mailbox.info().uidValidity() + "P" + pid;
        int sinceProgress = 0;
        for (MessageMeta meta : messages) {
            if (writeMessage(mailbox, name, meta, maildir, letters, "U" + meta.uid() + uniqueSuffix)) {
                sinceProgress++;
            }
            if (sinceProgress == options.batchSize()) {
                result.transferred(name, sinceProgress);
                sinceProgress = 0;
            }
        }
        result.transferred(name, sinceProgress);
    }

    private Map<String, Character> keywordLetters(List<MessageMeta> messages, String name) {
        TreeSet<String> keywords = new TreeSet<>();
        for (MessageMeta m : messages) {
            keywords.addAll(m.flags().keywords());
        }
        keywords.remove(MaildirFlags.PASSED_KEYWORD); // written as the P flag
        Map<String, Character> letters = DovecotKeywords.assignLetters(keywords);
        for (String k : keywords) {
            if (!letters.containsKey(k)) {
                result.skipped(name, "keyword " + k + " not exported: Dovecot's Maildir holds only "
                        + DovecotKeywords.MAX + " keywords per folder");
            }
        }
        return letters;
    }

    private boolean writeMessage(Mailbox mailbox, String name, MessageMeta meta, Path maildir,
                                 Map<String, Character> letters, String unique) throws IOException {
        String source = name + "#" + meta.uid();
        if (meta.size() > options.maxMessageSize()) {
            result.skipped(source, "message of " + meta.size() + " bytes exceeds the limit of "
                    + options.maxMessageSize() + " bytes");
            return false;
        }
        MessageContent content;
        try {
            content = mailbox.content(meta.uid());
        } catch (NotFoundException e) {
            result.skipped(source, "expunged during the export");
            return false;
        }
        String tmpName = MaildirFileNames.tmpName(meta.internalDate(), unique, host);
        Path tmp = maildir.resolve("tmp").resolve(tmpName);
        try (InputStream in = content.openStream();
             OutputStream file = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW);
             OutputStream out = lineEnds(new BufferedOutputStream(file, 64 * 1024))) {
            in.transferTo(out);
        }
        Files.setLastModifiedTime(tmp, FileTime.from(meta.internalDate()));
        String finalName = MaildirFileNames.curName(tmpName, Files.size(tmp), meta.size(),
                MaildirFlags.format(meta.flags(), letters));
        Files.move(tmp, maildir.resolve("cur").resolve(finalName), StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private OutputStream lineEnds(OutputStream out) {
        return options.lineEnding() == LineEnding.LF ? new LfOutputStream(out) : out;
    }
}
