package io.serai.camel.mailbox;

import static io.serai.camel.mailbox.StoreFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.SystemFlag;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private StoreFixture fixture;
    private CamelContext camel;
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fixture = new StoreFixture(dir.resolve("store"));
        fixture.store.mailboxes(ALICE).create("Tickets");
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        fixture.close();
    }

    private String uri(String options) {
        return "mailbox:" + ALICE + "/Tickets?store=#store&stateDirectory=" + dir.resolve("state") + options;
    }

    private void route(String options) throws Exception {
        camel = fixture.camel(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(options)).routeId("tickets").process(e -> {
                    Delivered d = Delivered.of(e);
                    delivered.add(d);
                    if (d.subject().startsWith("bad") && !d.redelivered()) {
                        throw new IllegalStateException("rejected " + d.subject());
                    }
                });
                from("direct:file").to("mailbox:" + ALICE + "/Tickets?store=#store");
            }
        });
    }

    private List<String> subjects() {
        return delivered.stream().map(Delivered::subject).toList();
    }

    private MessageMeta meta(String folder, long uid) throws Exception {
        return fixture.folder(folder).messages(uid, uid).get(0);
    }

    @Test
    void messagesAddedAfterStartArriveInOrderWithHeadersAndAreMarkedSeen() throws Exception {
        long before = fixture.append("Tickets", "already there");
        fixture.append("INBOX", "moved in");
        route("");

        long one = fixture.append("Tickets", "one");
        camel.createProducerTemplate().sendBody("direct:file", StoreFixture.message("two"));
        fixture.folder("INBOX").moveTo(fixture.folder("INBOX").uids(), fixture.folder("Tickets"));

        await().atMost(WAIT).until(() -> delivered.size() == 3);
        assertThat(subjects()).containsExactly("one", "two", "moved in");
        Delivered first = delivered.get(0);
        assertThat(first.uid()).isEqualTo(one);
        assertThat(first.body()).isEqualTo(StoreFixture.message("one"));
        assertThat(first.flags()).isEmpty();
        assertThat(first.thread()).contains("mailbox-");
        assertThat(first.message().getHeader(MailboxConstants.ACCOUNT)).isEqualTo(ALICE);
        assertThat(first.message().getHeader(MailboxConstants.FOLDER)).isEqualTo("Tickets");
        assertThat(first.message().getHeader(MailboxConstants.UID_VALIDITY))
                .isEqualTo(fixture.folder("Tickets").info().uidValidity());
        assertThat(first.message().getHeader(MailboxConstants.SIZE))
                .isEqualTo((long) StoreFixture.message("one").length);
        assertThat(first.message().getHeader(MailboxConstants.INTERNAL_DATE)).isInstanceOf(Instant.class);
        assertThat(first.message().getHeader(MailboxConstants.FROM)).isEqualTo("bob@example.org");
        assertThat(first.message().getHeader(MailboxConstants.TO)).isEqualTo(ALICE);
        await().atMost(WAIT).until(() -> fixture.folder("Tickets").messages().stream()
                .filter(m -> m.flags().has(SystemFlag.SEEN)).count() == 3);
        assertThat(meta("Tickets", before).flags().has(SystemFlag.SEEN)).isFalse();
    }

    @Test
    void encodedWordsInFromToAndSubjectArriveDecoded() throws Exception {
        route("");
        // as Thunderbird and Outlook write them: Q for mostly-ASCII text, B split over folded lines for the rest
        byte[] mail = ("From: =?ISO-8859-1?Q?Andr=E9?= Pirard <andre@example.org>\r\n"
                + "To: =?UTF-8?B?5pel5pys6Kqe4w==?=\r\n =?UTF-8?B?ga7ku7blkI3jgafjgZk=?= <alice@caravan.test>\r\n"
                + "Subject: Re: =?UTF-8?Q?Kamele_im_=C3=9Cberblick?=\r\n =?UTF-8?Q?_und_mehr?=\r\n"
                + "\r\nTwelve camels.\r\n").getBytes(StandardCharsets.US_ASCII);
        fixture.folder("Tickets").append(AppendRequest.of(ContentSource.of(new ByteArrayInputStream(mail))));

        await().atMost(WAIT).until(() -> delivered.size() == 1);
        Delivered d = delivered.get(0);
        assertThat(d.subject()).isEqualTo("Re: Kamele im Überblick und mehr");
        assertThat(d.message().getHeader(MailboxConstants.FROM)).isEqualTo("André Pirard <andre@example.org>");
        assertThat(d.message().getHeader(MailboxConstants.TO)).isEqualTo("日本語の件名です <alice@caravan.test>");
        assertThat(d.body()).isEqualTo(mail);
    }

    @Test
    void moveCommitsToTheTargetFolder() throws Exception {
        route("&onCompletion=move:Done&createFolder=true");
        fixture.append("Tickets", "one");
        fixture.append("Tickets", "two");

        await().atMost(WAIT).until(() -> fixture.folder("Done").uids().length == 2);
        assertThat(fixture.folder("Tickets").uids()).isEmpty();
        assertThat(subjects()).containsExactly("one", "two");
    }

    @Test
    void deleteAndFlagCommit() throws Exception {
        route("&onCompletion=delete");
        fixture.append("Tickets", "one");
        await().atMost(WAIT).until(() -> delivered.size() == 1 && fixture.folder("Tickets").uids().length == 0);
        camel.stop();

        route("&onCompletion=flag:$done");
        long two = fixture.append("Tickets", "two");
        await().atMost(WAIT).until(() -> meta("Tickets", two).flags().keywords().contains("$done"));
        assertThat(meta("Tickets", two).flags().has(SystemFlag.SEEN)).isFalse();
        assertThat(subjects()).containsExactly("one", "two");
    }

    @Test
    void aFailedMessageStaysAndIsRetriedOnceAfterARestart() throws Exception {
        route("");
        long bad = fixture.append("Tickets", "bad one");
        long good = fixture.append("Tickets", "good one");
        await().atMost(WAIT).until(() -> meta("Tickets", good).flags().has(SystemFlag.SEEN));
        assertThat(meta("Tickets", bad).flags().has(SystemFlag.SEEN)).isFalse();
        assertThat(fixture.folder("Tickets").uids()).contains(bad);
        camel.stop();
        delivered.clear();

        route("");
        await().atMost(WAIT).until(() -> meta("Tickets", bad).flags().has(SystemFlag.SEEN));
        assertThat(subjects()).containsExactly("bad one");
        assertThat(delivered.get(0).redelivered()).isTrue();
    }

    @Test
    void onFailureMovesToAnErrorFolder() throws Exception {
        route("&onFailure=move:Errors&createFolder=true");
        fixture.append("Tickets", "bad one");
        fixture.append("Tickets", "good one");
        await().atMost(WAIT).until(() -> fixture.folder("Errors").uids().length == 1);
        await().atMost(WAIT).until(() -> delivered.size() == 2);
        assertThat(fixture.folder("Tickets").uids()).hasSize(1);
        try (var in = fixture.folder("Errors").content(fixture.folder("Errors").uids()[0]).openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).contains("Subject: bad one");
        }
    }

    @Test
    void aRestartResumesAfterTheLastHandledUidWithoutDuplicates() throws Exception {
        route("");
        fixture.append("Tickets", "one");
        fixture.append("Tickets", "two");
        await().atMost(WAIT).until(() -> delivered.size() == 2);
        camel.stop();
        fixture.append("Tickets", "three, while stopped");

        route("");
        fixture.append("Tickets", "four");
        await().atMost(WAIT).until(() -> delivered.size() >= 4);
        assertThat(subjects()).containsExactly("one", "two", "three, while stopped", "four");
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> delivered.size() == 4);
    }

    @Test
    void fromStartTakesWhatIsAlreadyThereOnTheFirstStartOnly() throws Exception {
        fixture.append("Tickets", "old");
        route("&fromStart=true");
        await().atMost(WAIT).until(() -> delivered.size() == 1);
        camel.stop();

        route("&fromStart=true");
        fixture.append("Tickets", "new");
        await().atMost(WAIT).until(() -> delivered.size() >= 2);
        assertThat(subjects()).containsExactly("old", "new");
    }
}
