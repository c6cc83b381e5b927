package io.serai.camel.pop3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pop3dRouteTest {

    private static final byte[] MESSAGE = "Subject: audit me\r\n\r\nTwelve camels.\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private MailStore store;
    private CamelContext camel;
    private final BlockingQueue<Exchange> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("caravan.test");
        store.accounts().createAccount("alice@caravan.test", "s3cret".toCharArray());
        store.mailboxes("alice@caravan.test").open("INBOX")
                .append(AppendRequest.of(ContentSource.of(new ByteArrayInputStream(MESSAGE))));
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("mailStore", store);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("pop3d:127.0.0.1:0?store=#mailStore&userWithoutTls=true").routeId("audit").process(events::add);
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        store.close();
    }

    @Test
    void eachRetrieveAndDeleteBecomesAnExchangeInOrder() throws Exception {
        Pop3dEndpoint endpoint = camel.getEndpoint("pop3d:127.0.0.1:0?store=#mailStore&userWithoutTls=true", Pop3dEndpoint.class);
        Properties props = new Properties();
        props.put("mail.pop3.host", "127.0.0.1");
        props.put("mail.pop3.port", Integer.toString(endpoint.getLocalAddress().getPort()));
        try (Store client = Session.getInstance(props).getStore("pop3")) {
            client.connect("alice@caravan.test", "s3cret");
            Folder inbox = client.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message message = inbox.getMessage(1);
            message.getInputStream().readAllBytes();
            message.setFlag(Flags.Flag.DELETED, true);
            inbox.close(true);
        }

        Exchange retrieved = events.poll(10, TimeUnit.SECONDS);
        Exchange deleted = events.poll(10, TimeUnit.SECONDS);
        assertThat(retrieved).isNotNull();
        assertThat(retrieved.getMessage().getHeader(Pop3dConstants.EVENT)).isEqualTo(Pop3dConstants.RETRIEVED);
        assertThat(retrieved.getMessage().getHeader(Pop3dConstants.ACCOUNT)).isEqualTo("alice@caravan.test");
        assertThat(retrieved.getMessage().getHeader(Pop3dConstants.SIZE, Long.class)).isEqualTo((long) MESSAGE.length);
        assertThat(deleted).isNotNull();
        assertThat(deleted.getMessage().getHeader(Pop3dConstants.EVENT)).isEqualTo(Pop3dConstants.DELETED);
        assertThat(deleted.getMessage().getHeader(Pop3dConstants.UIDL))
                .isEqualTo(retrieved.getMessage().getHeader(Pop3dConstants.UIDL));
        assertThat(store.mailboxes("alice@caravan.test").open("INBOX").uids()).isEmpty();
    }

    @Test
    void aStoreIsRequiredAndUnknownOptionsFail() {
        assertThatThrownBy(() -> camel.getEndpoint("pop3d:127.0.0.1:0?noSuchOption=1"))
                .hasMessageContaining("noSuchOption");
        assertThatThrownBy(() -> camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("pop3d:127.0.0.1:0").routeId("no-store").to("log:never");
            }
        })).hasStackTraceContaining("pop3d: needs a store, e.g. store=#seraiStore");
        assertThat(camel.getRouteController().getRouteStatus("no-store").isStarted()).isFalse();
    }

    @Test
    void itIsConsumerOnly() {
        assertThatThrownBy(() -> camel.getEndpoint("pop3d:127.0.0.1:0?store=#mailStore").createProducer())
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("pop3d: is consumer only; read mail with camel-mail's pop3: endpoint");
    }
}
