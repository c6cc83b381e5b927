package io.serai.camel.imapd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An {@code imapd:} listener lives and dies with its route; Angus Mail logs in while it runs. */
class ImapdRouteTest {

    private static final String URI = "imapd:127.0.0.1:0?store=#mailStore&allowPlaintextAuth=true"
            + "&serverName=caravan.test&maxConnectionsPerUser=3";

    @TempDir
    Path dir;

    private MailStore store;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("caravan.test");
        store.accounts().createAccount("alice@caravan.test", "s3cret".toCharArray());
        store.mailboxes("alice@caravan.test").open("INBOX").append(AppendRequest.of(ContentSource.of(
                new ByteArrayInputStream("Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII)))));
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("mailStore", store);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(URI).routeId("imap").to("log:never");
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
    void listenerServesWhileTheRouteRunsAndSaysByeWhenItStops() throws Exception {
        ImapdEndpoint endpoint = camel.getEndpoint(URI, ImapdEndpoint.class);
        int port = endpoint.getLocalAddress().getPort();
        assertThat(endpoint.serverConfig().limits().maxConnectionsPerUser()).isEqualTo(3);
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(port));
        try (Store client = Session.getInstance(props).getStore("imap")) {
            client.connect("alice@caravan.test", "s3cret");
            Folder inbox = client.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            inbox.close(false);
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("* OK").endsWith("caravan.test IMAP ready");
            camel.getRouteController().stopRoute("imap");
            assertThat(in.readLine()).isEqualTo("* BYE Server shutting down");
        }
        assertThat(endpoint.getLocalAddress()).isNull();
    }

    @Test
    void spoolOptionsReachTheListenerConfiguration() {
        ImapdEndpoint defaults = camel.getEndpoint("imapd:127.0.0.1:0?store=#mailStore", ImapdEndpoint.class);
        assertThat(defaults.serverConfig().limits().spoolThreshold()).isEqualTo(256 * 1024);
        assertThat(defaults.serverConfig().spoolDirectory()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        ImapdEndpoint set = camel.getEndpoint("imapd:127.0.0.1:0?store=#mailStore&spoolThreshold=1000&spoolDirectory="
                + dir, ImapdEndpoint.class);
        assertThat(set.serverConfig().limits().spoolThreshold()).isEqualTo(1000);
        assertThat(set.serverConfig().spoolDirectory()).isEqualTo(dir);
    }

    @Test
    void badOptionsFailTheRoute() {
        assertThatThrownBy(() -> camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("imapd:127.0.0.1:0?store=#mailStore&tlsMode=IMPLICIT").routeId("no-tls").to("log:never");
            }
        })).hasStackTraceContaining("SSLContext");
        assertThatThrownBy(() -> camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("imapd:127.0.0.1:0").routeId("no-store").to("log:never");
            }
        })).hasStackTraceContaining("imapd: needs a store, e.g. store=#seraiStore");
    }

    @Test
    void itIsConsumerOnly() {
        assertThatThrownBy(() -> camel.getEndpoint(URI).createProducer())
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("imapd: is consumer only; read mail with camel-mail's imap: endpoint");
    }
}
