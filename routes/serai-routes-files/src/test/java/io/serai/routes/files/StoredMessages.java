package io.serai.routes.files;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import io.serai.camel.mailbox.mime.MessageParts;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;

/** Messages appended to a real embedded store, so their parts are read as the mailbox: consumer hands them over. */
final class StoredMessages implements AutoCloseable {

    private final MailStore store;
    private final Mailbox inbox;

    StoredMessages(Path dir) throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("caravan.test");
        store.accounts().createAccount("alice@caravan.test", "s3cret".toCharArray());
        inbox = store.mailboxes("alice@caravan.test").open("INBOX");
    }

    MessageParts parts(byte[] mail) throws Exception {
        long uid = inbox.append(AppendRequest.of(ContentSource.of(new ByteArrayInputStream(mail)))).uid();
        return MessageParts.of(inbox.content(uid));
    }

    @Override
    public void close() throws Exception {
        store.close();
    }
}
