package io.serai.store.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.serai.store.api.MailStore;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.Mailbox;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.StoreException;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;

/** A real embedded store in a temporary directory with one account, and ways to look into it. */
final class StoreFixture implements AutoCloseable {
    static final String USER = "alice@example.org";

    final MailStore store;

    StoreFixture(Path dir) throws StoreException {
        // fsync off: these tests are about content, not durability; small files keep the temp dir small.
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER)
                .withFileSizes(256 * 1024, 1 << 20));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(USER, "pencil".toCharArray());
    }

    Mailboxes mailboxes() throws StoreException {
        return store.mailboxes(USER);
    }

    List<String> mailboxNames() throws StoreException {
        return mailboxes().list().stream().map(MailboxInfo::name).toList();
    }

    /** Content (as a string, for readable failures) → meta, in UID order. */
    Map<String, MessageMeta> messages(String mailbox) throws IOException {
        Mailbox m = mailboxes().open(mailbox);
        Map<String, MessageMeta> out = new LinkedHashMap<>();
        for (MessageMeta meta : m.messages()) {
            out.put(Bytes.latin1(content(m, meta.uid())), meta);
        }
        return out;
    }

    static byte[] content(Mailbox m, long uid) throws IOException {
        try (InputStream in = m.content(uid).openStream()) {
            return in.readAllBytes();
        }
    }

    static String describe(Map<String, MessageMeta> messages) {
        return messages.entrySet().stream().map(e -> e.getValue().flags() + " " + e.getKey())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() throws StoreException {
        store.close();
    }
}
