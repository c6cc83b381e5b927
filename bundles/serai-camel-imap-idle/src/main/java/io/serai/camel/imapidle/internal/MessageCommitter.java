package io.serai.camel.imapidle.internal;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * What a successful exchange does to its message on the server: \Seen, then move or delete. MOVE (RFC 6851) is
 * atomic; without it, COPY + \Deleted + EXPUNGE is the fallback RFC 6851 section 3.3 describes, and the expunge is
 * limited to this message with UID EXPUNGE (RFC 4315) when the server has UIDPLUS, so other messages a user marked
 * \Deleted are not expunged behind their back.
 */
final class MessageCommitter {

    private final String moveTo;
    private final boolean delete;
    private final boolean markSeen;

    MessageCommitter(String moveTo, boolean delete, boolean markSeen) {
        this.moveTo = moveTo;
        this.delete = delete;
        this.markSeen = markSeen;
    }

    /** Creates the moveTo folder when missing, so the first commit does not fail on it. */
    void prepare(IMAPStore store) throws MessagingException {
        if (moveTo != null) {
            Folder target = store.getFolder(moveTo);
            if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("imap-idle: cannot create folder " + moveTo);
            }
        }
    }

    void commit(IMAPStore store, IMAPFolder folder, Message message) throws MessagingException {
        Message[] one = {message};
        if (markSeen) {
            message.setFlag(Flags.Flag.SEEN, true);
        }
        if (moveTo != null) {
            Folder target = store.getFolder(moveTo);
            if (store.hasCapability("MOVE")) {
                folder.moveMessages(one, target);
                return;
            }
            folder.copyMessages(one, target);
            expunge(store, folder, one);
        } else if (delete) {
            expunge(store, folder, one);
        }
    }

    private static void expunge(IMAPStore store, IMAPFolder folder, Message[] messages) throws MessagingException {
        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        if (store.hasCapability("UIDPLUS")) {
            folder.expunge(messages);
        } else {
            folder.expunge();
        }
    }
}
