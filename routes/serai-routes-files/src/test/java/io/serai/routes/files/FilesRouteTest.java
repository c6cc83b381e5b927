package io.serai.routes.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesRouteTest {

    private static final String ALICE = "alice@caravan.test";

    @TempDir
    Path dir;

    private MailStore store;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir.resolve("store")).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("caravan.test");
        store.accounts().createAccount(ALICE, "s3cret".toCharArray());
        store.mailboxes(ALICE).create("Filed");
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        store.close();
    }

    private void startRoute() throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("store", store);
        camel.addRoutes(new FilesRoute(FilesRoute.fromUri(ALICE + "/Filed", "store", "seen", false, dir),
                dir.resolve("files"), ArchiveLimits.DEFAULTS));
        camel.start();
    }

    private long append(byte[] mail) throws Exception {
        return archive().append(AppendRequest.of(ContentSource.of(new ByteArrayInputStream(mail)))).uid();
    }

    private Mailbox archive() throws Exception {
        return store.mailboxes(ALICE).open("Filed");
    }

    @Test
    void aMessageArrivingInTheFolderBecomesFilesAndIsMarkedSeen() throws Exception {
        startRoute();
        byte[] mail = TestMessages.withAttachments("route", new String[][] {{"camels.csv", "name\r\nAmira\r\n"}});

        long uid = append(mail);

        Path saved = dir.resolve("files").resolve(archive().info().uidValidity() + "-" + uid);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(saved.resolve("index.json")));
        assertThat(Files.readAllBytes(saved.resolve("message.eml"))).isEqualTo(mail);
        assertThat(Files.readString(saved.resolve("attachments/camels.csv"))).isEqualTo("name\r\nAmira\r\n");
        assertThat(Files.readString(saved.resolve("index.json"))).contains("\"subject\":\"route\"");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                archive().messages(uid, uid).get(0).flags().has(SystemFlag.SEEN));
    }

    @Test
    void theStateDirectoryIsTheRoutesOwn() {
        assertThat(FilesRoute.fromUri(" alice@x/Filed ", "seraiStore", "seen", true, Path.of("/d")))
                .isEqualTo("mailbox:alice@x/Filed?store=#seraiStore&onCompletion=seen&fromStart=true"
                        + "&stateDirectory=" + Path.of("/d").resolve("serai-routes/files-state"));
        assertThatThrownBy(() -> FilesRoute.fromUri(" ", "s", "seen", false, dir))
                .hasMessageContaining("mailbox is required");
    }
}
