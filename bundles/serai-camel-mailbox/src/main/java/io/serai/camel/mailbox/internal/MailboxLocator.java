package io.serai.camel.mailbox.internal;

import io.serai.store.api.AlreadyExistsException;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;

/** Opens an account's folder, with error messages that name what is missing and how to fix it. */
public final class MailboxLocator {

    private MailboxLocator() {
    }

    public static Mailbox open(MailStore store, String account, String folder, boolean create) throws StoreException {
        Mailboxes boxes;
        try {
            boxes = store.mailboxes(account);
        } catch (NotFoundException e) {
            throw notFound("mailbox: no account '" + account + "' in the store", e);
        }
        try {
            return boxes.open(folder);
        } catch (NotFoundException e) {
            if (!create) {
                throw notFound("mailbox: account '" + account + "' has no folder '" + folder
                        + "' (createFolder=true creates it)", e);
            }
        }
        try {
            return boxes.create(folder);
        } catch (AlreadyExistsException raced) {
            return boxes.open(folder);
        }
    }

    private static NotFoundException notFound(String message, NotFoundException cause) {
        NotFoundException e = new NotFoundException(message);
        e.initCause(cause);
        return e;
    }
}
