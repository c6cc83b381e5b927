package io.serai.camel.mailbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A real embedded store with one account, and Camel contexts bound to it. */
final class StoreFixture implements AutoCloseable {

    static final String ALICE = "alice@caravan.test";

    final MailStore store;

    StoreFixture(Path dir) throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("caravan.test");
        store.accounts().createAccount(ALICE, "s3cret".toCharArray());
    }

    static byte[] message(String subject) {
        return ("From: bob@example.org\r\nTo: alice@caravan.test\r\nSubject: " + subject
                + "\r\n\r\nTwelve camels.\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    Mailbox folder(String name) throws Exception {
        return store.mailboxes(ALICE).open(name);
    }

    long append(String folder, String subject) throws Exception {
        return folder(folder).append(AppendRequest.of(ContentSource.of(new ByteArrayInputStream(message(subject)))))
                .uid();
    }

    CamelContext camel(RouteBuilder routes) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("store", store);
        if (routes != null) {
            camel.addRoutes(routes);
        }
        camel.start();
        return camel;
    }

    @Override
    public void close() throws Exception {
        store.close();
    }
}
