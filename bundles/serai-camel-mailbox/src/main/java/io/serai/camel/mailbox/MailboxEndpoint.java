package io.serai.camel.mailbox;

import java.nio.file.Path;

import io.serai.camel.mailbox.internal.CommitAction;
import io.serai.camel.mailbox.internal.FlagList;
import io.serai.camel.mailbox.internal.MailboxConsumer;
import io.serai.camel.mailbox.internal.MailboxProducer;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A folder of one account in the mail store. The producer appends the body as raw MIME; the consumer is pushed
 * every message added to the folder, in UID order, and commits each after its exchange.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "mailbox", title = "Serai mailbox", syntax = "mailbox:account/folder",
        category = {Category.MAIL}, headersClass = MailboxConstants.class)
public class MailboxEndpoint extends DefaultEndpoint {

    @UriPath(description = "The account (user@domain); for a producer it may come from a header instead")
    private final String account;
    @UriPath(defaultValue = "INBOX", description = "The folder, with / as hierarchy delimiter")
    private final String folder;
    @UriParam(description = "The mail store") @Metadata(required = true)
    private MailStore store;
    @UriParam(label = "producer", description = "Comma list of flags and keywords set on appended messages, "
            + "e.g. \\Seen,$label")
    private String flags;
    @UriParam(defaultValue = "false", description = "Create the folder (and its parents) when it does not exist")
    private boolean createFolder;
    @UriParam(label = "consumer", defaultValue = "seen", description = "After a successful exchange: none, seen, "
            + "flag:<flag or keyword>, move:<folder> or delete")
    private String onCompletion = "seen";
    @UriParam(label = "consumer", defaultValue = "leave", description = "After a failed exchange: leave (tried "
            + "again after a restart) or move:<folder>")
    private String onFailure = "leave";
    @UriParam(label = "consumer", defaultValue = "false", description = "On the very first start, also process "
            + "the messages already in the folder")
    private boolean fromStart;
    @UriParam(label = "consumer", description = "Directory of the consumer's state file (last UID processed); "
            + "default ${karaf.data}/camel-mailbox, or data/camel-mailbox outside Karaf")
    private String stateDirectory;
    @UriParam(label = "consumer", defaultValue = "false", description = "Also put the message's attachments on the "
            + "exchange as Camel attachments (decoded, with safe names); the body stays the raw message")
    private boolean attachments;
    @UriParam(label = "consumer", defaultValue = "20", description = "With attachments=true: at most this many "
            + "attachments per message; the rest are counted in SeraiMailboxAttachmentsSkipped")
    private int maxAttachments = 20;
    @UriParam(label = "consumer", defaultValue = "26214400", description = "With attachments=true: attachments "
            + "larger than this many decoded octets are left out")
    private long maxAttachmentSize = 25L * 1024 * 1024;
    @UriParam(label = "producer", defaultValue = "false", description = "Build the message from the body (text), "
            + "the From/To/Cc/Reply-To/Subject headers and the Camel attachments, instead of taking the body as "
            + "raw RFC 5322 bytes")
    private boolean build;

    private Flags appendFlags = Flags.NONE;
    private CommitAction completionAction;
    private CommitAction failureAction;

    public MailboxEndpoint(String uri, MailboxComponent component, String account, String folder) {
        super(uri, component);
        this.account = account;
        this.folder = folder;
    }

    /** Parses the options once, so a bad URI fails at endpoint creation rather than at the first message. */
    void validate() {
        appendFlags = flags == null ? Flags.NONE : FlagList.parse(flags);
        completionAction = CommitAction.parse(onCompletion, false);
        failureAction = CommitAction.parse(onFailure, true);
    }

    @Override
    public Producer createProducer() {
        requireStore();
        return new MailboxProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        requireStore();
        if (account.isEmpty()) {
            throw new IllegalArgumentException("mailbox: a consumer needs an account, e.g. mailbox:user@domain/Folder");
        }
        MailboxConsumer consumer = new MailboxConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    private void requireStore() {
        if (store == null) {
            throw new IllegalArgumentException("mailbox: needs a store, e.g. store=#mailStore");
        }
    }

    /** Where the consumer keeps its state. */
    public Path resolveStateDirectory() {
        if (stateDirectory != null) {
            return Path.of(stateDirectory);
        }
        String karafData = System.getProperty("karaf.data");
        return karafData != null ? Path.of(karafData, "camel-mailbox") : Path.of("data", "camel-mailbox");
    }

    public Flags getAppendFlags() {
        return appendFlags;
    }

    public CommitAction getCompletionAction() {
        return completionAction;
    }

    public CommitAction getFailureAction() {
        return failureAction;
    }

    public String getAccount() {
        return account;
    }

    public String getFolder() {
        return folder;
    }

    public MailStore getStore() {
        return store;
    }

    public void setStore(MailStore store) {
        this.store = store;
    }

    public String getFlags() {
        return flags;
    }

    public void setFlags(String flags) {
        this.flags = flags;
    }

    public boolean isCreateFolder() {
        return createFolder;
    }

    public void setCreateFolder(boolean createFolder) {
        this.createFolder = createFolder;
    }

    public String getOnCompletion() {
        return onCompletion;
    }

    public void setOnCompletion(String onCompletion) {
        this.onCompletion = onCompletion;
    }

    public String getOnFailure() {
        return onFailure;
    }

    public void setOnFailure(String onFailure) {
        this.onFailure = onFailure;
    }

    public boolean isFromStart() {
        return fromStart;
    }

    public void setFromStart(boolean fromStart) {
        this.fromStart = fromStart;
    }

    public boolean isAttachments() {
        return attachments;
    }

    public void setAttachments(boolean attachments) {
        this.attachments = attachments;
    }

    public int getMaxAttachments() {
        return maxAttachments;
    }

    public void setMaxAttachments(int maxAttachments) {
        if (maxAttachments < 0) {
            throw new IllegalArgumentException("maxAttachments must not be negative");
        }
        this.maxAttachments = maxAttachments;
    }

    public long getMaxAttachmentSize() {
        return maxAttachmentSize;
    }

    public void setMaxAttachmentSize(long maxAttachmentSize) {
        if (maxAttachmentSize < 0) {
            throw new IllegalArgumentException("maxAttachmentSize must not be negative");
        }
        this.maxAttachmentSize = maxAttachmentSize;
    }

    public boolean isBuild() {
        return build;
    }

    public void setBuild(boolean build) {
        this.build = build;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }
}
