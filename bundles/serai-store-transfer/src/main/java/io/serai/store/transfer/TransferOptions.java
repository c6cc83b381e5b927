package io.serai.store.transfer;

import java.util.Objects;
import java.util.Optional;

/**
 * Settings shared by the importers and exporters. Immutable; start from {@link #defaults()}.
 *
 * @param maxMessageSize   larger messages are skipped with a reason; measured in the source (file bytes on
 *                         import, stored bytes on export)
 * @param batchSize        messages per {@code Mailbox.appendAll} call on import
 * @param lineEnding       line ends of exported messages
 * @param dateFromFileName Maildir import: take the internal date from the leading timestamp of the file name
 *                         instead of the file's mtime (useful when a copy did not keep mtimes)
 * @param mboxStatusHeaders mbox export: write {@code Status}/{@code X-Status}/{@code X-Keywords} headers
 *                         carrying the flags, as Dovecot and mutt do
 * @param hostName         Maildir export: the host part of new file names; empty means this machine's name
 * @param progress         called after each batch
 */
public record TransferOptions(long maxMessageSize, int batchSize, LineEnding lineEnding, boolean dateFromFileName,
                              boolean mboxStatusHeaders, Optional<String> hostName, TransferProgress progress) {

    public static final long DEFAULT_MAX_MESSAGE_SIZE = 64L << 20;
    public static final int DEFAULT_BATCH_SIZE = 200;

    public TransferOptions {
        Objects.requireNonNull(lineEnding, "lineEnding");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(progress, "progress");
        if (maxMessageSize < 1 || batchSize < 1) {
            throw new IllegalArgumentException("maxMessageSize and batchSize must be positive");
        }
    }

    /** 64 MiB limit, batches of 200, LF line ends, mtime dates, status headers on, local host name. */
    public static TransferOptions defaults() {
        return new TransferOptions(DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_BATCH_SIZE, LineEnding.LF, false, true,
                Optional.empty(), TransferProgress.NONE);
    }

    public TransferOptions withMaxMessageSize(long bytes) {
        return new TransferOptions(bytes, batchSize, lineEnding, dateFromFileName, mboxStatusHeaders, hostName,
                progress);
    }

    public TransferOptions withBatchSize(int messages) {
        return new TransferOptions(maxMessageSize, messages, lineEnding, dateFromFileName, mboxStatusHeaders,
                hostName, progress);
    }

    public TransferOptions withLineEnding(LineEnding ending) {
        return new TransferOptions(maxMessageSize, batchSize, ending, dateFromFileName, mboxStatusHeaders, hostName,
                progress);
    }

    public TransferOptions withDateFromFileName(boolean fromFileName) {
        return new TransferOptions(maxMessageSize, batchSize, lineEnding, fromFileName, mboxStatusHeaders, hostName,
                progress);
    }

    public TransferOptions withMboxStatusHeaders(boolean write) {
        return new TransferOptions(maxMessageSize, batchSize, lineEnding, dateFromFileName, write, hostName,
                progress);
    }

    public TransferOptions withHostName(String name) {
        return new TransferOptions(maxMessageSize, batchSize, lineEnding, dateFromFileName, mboxStatusHeaders,
                Optional.of(name), progress);
    }

    public TransferOptions withProgress(TransferProgress listener) {
        return new TransferOptions(maxMessageSize, batchSize, lineEnding, dateFromFileName, mboxStatusHeaders,
                hostName, listener);
    }
}
