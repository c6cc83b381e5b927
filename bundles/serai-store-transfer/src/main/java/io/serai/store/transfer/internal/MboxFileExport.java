package io.serai.store.transfer.internal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageContent;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.NotFoundException;
import io.serai.store.transfer.LineEnding;
import io.serai.store.transfer.TransferOptions;

/**
 * Writes one mailbox as one mboxrd file: per message a From line (sender from Return-Path, internal date),
 * the message with status headers added and {@code >*From } lines quoted, a line end if the message lacked a
 * final one (RFC 4155 needs it before the next From line), and an empty separator line.
 */
public final class MboxFileExport {
    private final TransferOptions options;
    private final ResultCollector result;
    private final String lineEnd;

    public MboxFileExport(TransferOptions options, ResultCollector result) {
        this.options = options;
        this.result = result;
        this.lineEnd = options.lineEnding() == LineEnding.LF ? "\n" : "\r\n";
    }

    /** @param file created; must not exist */
    public void export(Mailbox mailbox, String name, Path file) throws IOException {
        List<MessageMeta> messages = mailbox.messages();
        try (LastByte out = new LastByte(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 64 * 1024))) {
            int sinceProgress = 0;
            for (MessageMeta meta : messages) {
                if (writeMessage(mailbox, name, meta, out)) {
                    sinceProgress++;
                }
                if (sinceProgress == options.batchSize()) {
                    result.transferred(name, sinceProgress);
                    sinceProgress = 0;
                }
            }
            result.transferred(name, sinceProgress);
        }
    }

    private boolean writeMessage(Mailbox mailbox, String name, MessageMeta meta, LastByte out) throws IOException {
        String source = name + "#" + meta.uid();
        if (meta.size() > options.maxMessageSize()) {
            result.skipped(source, "message of " + meta.size() + " bytes exceeds the limit of "
                    + options.maxMessageSize() + " bytes");
            return false;
        }
        MessageContent content;
        String sender;
        try {
            content = mailbox.content(meta.uid());
            try (InputStream in = content.openStream()) {
                sender = ReturnPath.read(in).orElse(FromLine.NO_SENDER);
            }
        } catch (NotFoundException e) {
            result.skipped(source, "expunged during the export");
            return false;
        }
        out.write((FromLine.format(sender, meta.internalDate()) + lineEnd).getBytes(StandardCharsets.ISO_8859_1));
        OutputStream lines = options.lineEnding() == LineEnding.LF ? new LfOutputStream(out) : out;
        MboxrdQuotingOutputStream quoting = new MboxrdQuotingOutputStream(lines);
        HeaderInsertingOutputStream headers = new HeaderInsertingOutputStream(quoting,
                options.mboxStatusHeaders() ? MboxStatusHeaders.lines(meta.flags()) : List.of());
        try (InputStream in = content.openStream()) {
            in.transferTo(headers);
        }
        headers.finish();
        quoting.finish();
        lines.flush();
        if (out.last != '\n') {
            out.write(lineEnd.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(lineEnd.getBytes(StandardCharsets.US_ASCII));
        return true;
    }

    /** Remembers the last byte written, to end an unterminated last line. */
    private static final class LastByte extends FilterOutputStream {
        int last = -1;

        LastByte(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            last = b & 0xff;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (len > 0) {
                last = b[off + len - 1] & 0xff;
            }
        }
    }
}
