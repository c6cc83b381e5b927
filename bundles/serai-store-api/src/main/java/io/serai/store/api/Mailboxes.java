package io.serai.store.api;

import java.util.List;

/**
 * The mailbox tree of one account. Names use {@code /} as hierarchy delimiter; {@code INBOX} is
 * case-insensitive (RFC 3501 section 5.1).
 */
public interface Mailboxes {

    char DELIMITER = '/';
    String INBOX = "INBOX";

    String account();

    List<MailboxInfo> list() throws StoreException;

    /** Opens a mailbox for reading and writing. */
    Mailbox open(String name) throws StoreException;

    Mailbox create(String name) throws StoreException;

    /** Deletes a mailbox and its messages; INBOX cannot be deleted. */
    void delete(String name) throws StoreException;

    /** Renames a mailbox and its children (RFC 3501 section 6.3.5). A new UIDVALIDITY is not needed: the mailbox keeps its id. */
    void rename(String from, String to) throws StoreException;

    void subscribe(String name) throws StoreException;

    void unsubscribe(String name) throws StoreException;

    List<String> subscriptions() throws StoreException;
}
