package io.serai.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.AppendResult;
import io.serai.store.api.ContentRegion;
import io.serai.store.api.ContentSource;
import io.serai.store.api.FlagUpdate;
import io.serai.store.api.FlagUpdateResult;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageContent;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.QuotaExceededException;
import io.serai.store.api.QuotaLimits;
import io.serai.store.api.StoreException;
import io.serai.store.api.SystemFlag;
import io.serai.store.api.UidMapping;

/** Behaviour every MailStore has; a store's test extends this with its {@link StoreFixture}. */
public abstract class MessagesContract {

    /** Where this test's store lives: a fresh location per test method, the same one on every call. */
    protected abstract StoreFixture fixture();


    @Test
    void appendedBytesComeBackExactlyAsStreamAndAsFileRegion() throws Exception {
        byte[] binary = new byte[300_000];
        new Random(42).nextBytes(binary); // arbitrary octets, bare CR/LF, NULs: stored as they came
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            Path spool = Files.write(Files.createTempFile("serai-tck-", ".eml"), binary);
            AppendResult r = inbox.append(new AppendRequest(ContentSource.of(spool),
                    Instant.parse("2026-01-02T03:04:05Z"), Flags.of(SystemFlag.SEEN)));
            MessageContent c = inbox.content(r.uid());
            assertThat(c.size()).isEqualTo(binary.length);
            assertThat(TestStores.readAll(c.openStream())).isEqualTo(binary);
            try (ContentRegion region = c.openRegion()) {
                ByteBuffer buf = ByteBuffer.allocate((int) region.length());
                region.channel().read(buf, region.position());
                assertThat(buf.array()).isEqualTo(binary);
            }
            assertThat(c.meta().internalDate()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
            assertThat(c.meta().flags()).isEqualTo(Flags.of(SystemFlag.SEEN));
        }
        try (MailStore store = fixture().open()) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            assertThat(TestStores.readAll(inbox.content(1).openStream())).isEqualTo(binary);
        }
    }

    @Test
    void uidsAndModSeqsOnlyGrowAndSurviveExpungeAndReopen() throws Exception {
        long validity;
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            validity = inbox.info().uidValidity();
            long u1 = inbox.append(TestStores.request(TestStores.message("1", "a"))).uid();
            long u2 = inbox.append(TestStores.request(TestStores.message("2", "b"))).uid();
            assertThat(u2).isGreaterThan(u1);
            assertThat(inbox.messages().get(1).modSeq()).isGreaterThan(inbox.messages().get(0).modSeq());
            assertThat(inbox.expunge(new long[] {u2, 999})).containsExactly(u2);
            assertThat(inbox.info().uidNext()).isEqualTo(u2 + 1);
        }
        try (MailStore store = fixture().open()) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            assertThat(inbox.info().uidValidity()).isEqualTo(validity);
            assertThat(inbox.info().uidNext()).isEqualTo(3);
            assertThat(inbox.append(TestStores.request(TestStores.message("3", "c"))).uid()).isEqualTo(3);
            assertThat(inbox.messages()).extracting(MessageMeta::uid).containsExactly(1L, 3L);
            assertThat(inbox.uids()).containsExactly(1L, 3L);
            assertThat(inbox.messages(2, 10)).extracting(MessageMeta::uid).containsExactly(3L);
            assertThat(inbox.messages(4, 10)).isEmpty();
        }
    }

    /** The expunge log behind an exact VANISHED (EARLIER) (RFC 7162 §3.2.5.1): expunges and moves, by mod-sequence. */
    @Test
    void expungedSinceNamesExactlyWhatLeftAfterAModSeqAndSurvivesReopen() throws Exception {
        long start;
        long afterFirst;
        long end;
        try (MailStore store = TestStores.openWithUser(fixture())) {
            store.mailboxes(TestStores.USER).create("Caravans");
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            Mailbox archive = store.mailboxes(TestStores.USER).open("Caravans");
            for (int i = 1; i <= 6; i++) {
                inbox.append(TestStores.request(TestStores.message(Integer.toString(i), "m" + i)));
            }
            start = inbox.info().highestModSeq();
            assertThat(inbox.expungedSince(start)).hasValueSatisfying(u -> assertThat(u).isEmpty());
            inbox.expunge(new long[] {2, 999});
            afterFirst = inbox.info().highestModSeq();
            inbox.moveTo(new long[] {5}, archive);
            inbox.updateFlags(new long[] {1}, FlagUpdate.add(Flags.of(SystemFlag.SEEN))); // not an expunge
            inbox.expunge(new long[] {4, 3});
            end = inbox.info().highestModSeq();
            assertThat(inbox.expungedSince(start)).hasValueSatisfying(u -> assertThat(u).containsExactly(2, 3, 4, 5));
            assertThat(inbox.expungedSince(afterFirst)).hasValueSatisfying(u -> assertThat(u).containsExactly(3, 4, 5));
            assertThat(inbox.expungedSince(end)).hasValueSatisfying(u -> assertThat(u).isEmpty());
            assertThat(archive.expungedSince(0)).hasValueSatisfying(u -> assertThat(u).isEmpty());
        }
        try (MailStore store = fixture().open()) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            assertThat(inbox.expungedSince(start)).hasValueSatisfying(u -> assertThat(u).containsExactly(2, 3, 4, 5));
            assertThat(inbox.expungedSince(afterFirst)).hasValueSatisfying(u -> assertThat(u).containsExactly(3, 4, 5));
            assertThat(inbox.expungedSince(end)).hasValueSatisfying(u -> assertThat(u).isEmpty());
        }
    }

    @Test
    void flagUpdatesHonourUnchangedSinceAndChangedSince() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            inbox.appendAll(List.of(TestStores.request(TestStores.message("1", "a")),
                    TestStores.request(TestStores.message("2", "b"))));
            long before = inbox.info().highestModSeq();
            FlagUpdateResult r = inbox.updateFlags(new long[] {1},
                    FlagUpdate.add(Flags.of(Set.of(SystemFlag.FLAGGED), Set.of("$Important"))));
            assertThat(r.updated()).singleElement().satisfies(m -> {
                assertThat(m.flags().keywords()).containsExactly("$important");
                assertThat(m.modSeq()).isGreaterThan(before);
            });
            long after = inbox.info().highestModSeq();
            assertThat(after).isEqualTo(r.updated().get(0).modSeq());
            assertThat(inbox.changedSince(before)).extracting(MessageMeta::uid).containsExactly(1L);

            // message 1 changed after 'before', so the conditional store must refuse it (MODIFIED 1)
            FlagUpdateResult conditional = inbox.updateFlags(new long[] {1, 2},
                    FlagUpdate.add(Flags.of(SystemFlag.SEEN)).unchangedSince(before));
            assertThat(conditional.modified()).containsExactly(1L);
            assertThat(conditional.updated()).extracting(MessageMeta::uid).containsExactly(2L);

            FlagUpdateResult noop = inbox.updateFlags(new long[] {2}, FlagUpdate.add(Flags.of(SystemFlag.SEEN)));
            assertThat(noop.updated()).isEmpty();

            inbox.updateFlags(new long[] {1}, FlagUpdate.replace(Flags.of(SystemFlag.DELETED)));
        }
        try (MailStore store = fixture().open()) {
            List<MessageMeta> all = store.mailboxes(TestStores.USER).open("INBOX").messages();
            assertThat(all.get(0).flags()).isEqualTo(Flags.of(SystemFlag.DELETED));
            assertThat(all.get(1).flags()).isEqualTo(Flags.of(SystemFlag.SEEN));
        }
    }

    /**
     * {@code contents} (a FETCH of many bodies): the asked order, gone messages left out, every message's own bytes,
     * structure and metadata, over more messages than a store reads at once and with one large enough to be chunked.
     */
    @Test
    void contentsOfManyMessagesComeInTheAskedOrderWithTheirOwnBytes() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            List<byte[]> bodies = new java.util.ArrayList<>();
            List<AppendRequest> requests = new java.util.ArrayList<>();
            for (int i = 1; i <= 150; i++) {
                byte[] m = TestStores.message(String.valueOf(i), "body " + i + " " + "x".repeat(i * 37));
                bodies.add(m);
                requests.add(TestStores.request(m, i % 3 == 0 ? Flags.of(SystemFlag.SEEN) : Flags.NONE));
            }
            inbox.appendAll(requests);
            byte[] large = new byte[700_000];
            new Random(7).nextBytes(large);
            long largeUid = inbox.append(TestStores.request(large)).uid(); // 151
            inbox.updateFlags(new long[] {5}, FlagUpdate.add(Flags.of(SystemFlag.DELETED)));
            inbox.expunge(new long[] {5});

            long[] asked = new long[153];
            asked[0] = largeUid;
            asked[1] = 999; // never existed
            asked[2] = 5; // expunged
            for (int i = 3; i < asked.length; i++) {
                asked[i] = 153 - i; // 150 down to 1
            }
            List<MessageContent> got = inbox.contents(asked);
            assertThat(got).extracting(c -> c.meta().uid()).containsExactlyElementsOf(
                    java.util.stream.LongStream.of(asked).filter(u -> u != 999 && u != 5).boxed().toList());
            assertThat(TestStores.readAll(got.get(0).openStream())).isEqualTo(large);
            for (MessageContent c : got.subList(1, got.size())) {
                int n = (int) c.meta().uid();
                assertThat(TestStores.readAll(c.openStream())).as("message %d", n).isEqualTo(bodies.get(n - 1));
                assertThat(c.size()).isEqualTo(bodies.get(n - 1).length);
                assertThat(c.meta().flags().has(SystemFlag.SEEN)).isEqualTo(n % 3 == 0);
                assertThat(c.structure().headerLength()).isPositive();
            }
            assertThat(inbox.contents(new long[0])).isEmpty();
        }
    }

    @Test
    void copyAndMoveReturnUidMappingsAndShareContent() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            Mailbox archive = store.mailboxes(TestStores.USER).open("Archive");
            byte[] m1 = TestStores.message("1", "one");
            inbox.appendAll(List.of(TestStores.request(m1, Flags.of(Set.of(), Set.of("work"))),
                    TestStores.request(TestStores.message("2", "two")),
                    TestStores.request(TestStores.message("3", "three"))));
            UidMapping copy = inbox.copyTo(new long[] {3, 1, 42}, archive);
            assertThat(copy.sourceUids()).containsExactly(1, 3);
            assertThat(copy.targetUids()).containsExactly(1, 2);
            assertThat(copy.targetUidValidity()).isEqualTo(archive.info().uidValidity());
            assertThat(TestStores.readAll(archive.content(1).openStream())).isEqualTo(m1);
            assertThat(archive.content(1).meta().flags().keywords()).containsExactly("work");

            UidMapping move = inbox.moveTo(new long[] {2}, archive);
            assertThat(move.targetUids()).containsExactly(3);
            assertThat(inbox.messages()).extracting(MessageMeta::uid).containsExactly(1L, 3L);
            assertThat(archive.info().messages()).isEqualTo(3);
            assertThat(store.accounts().quota(TestStores.USER).messages()).isEqualTo(5);
        }
    }

    /**
     * RFC 8514 section 1: the save date is when the message entered the mailbox it is in now. APPEND sets it
     * whatever internal date the client gave; COPY and MOVE give the new message a new one and keep the internal
     * date. It survives a restart.
     */
    @Test
    void saveDateIsWhenTheMessageEnteredItsMailboxAndCopyOrMoveSetsItAgain() throws Exception {
        Instant internal = Instant.parse("2026-11-03T10:15:30Z");
        Instant appendedAt;
        Instant copiedAt;
        Instant saved;
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            Mailbox archive = store.mailboxes(TestStores.USER).open("Archive");
            appendedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            inbox.appendAll(List.of(TestStores.request(TestStores.message("1", "one")),
                    TestStores.request(TestStores.message("2", "two"))));
            MessageMeta first = inbox.messages().get(0);
            assertThat(first.internalDate()).isEqualTo(internal);
            assertThat(first.savedDate()).isNotNull().isAfterOrEqualTo(appendedAt)
                    .isBeforeOrEqualTo(Instant.now());
            assertThat(inbox.content(1).meta().savedDate()).isEqualTo(first.savedDate());
            saved = first.savedDate();

            copiedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            inbox.copyTo(new long[] {1}, archive);
            inbox.moveTo(new long[] {2}, archive);
            for (MessageMeta m : archive.messages()) {
                assertThat(m.internalDate()).isEqualTo(internal);
                assertThat(m.savedDate()).isAfterOrEqualTo(copiedAt).isBeforeOrEqualTo(Instant.now());
            }
            assertThat(inbox.messages().get(0).savedDate()).isEqualTo(saved);
        }
        try (MailStore store = fixture().open()) {
            assertThat(store.mailboxes(TestStores.USER).open("INBOX").messages().get(0).savedDate())
                    .isEqualTo(saved);
            assertThat(store.mailboxes(TestStores.USER).open("Archive").messages())
                    .allSatisfy(m -> assertThat(m.savedDate()).isAfterOrEqualTo(copiedAt));
        }
    }

    @Test
    void moveWithinOneMailboxGivesNewUidsKeepsBytesFlagsAndQuota() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            byte[] m1 = TestStores.message("1", "one");
            inbox.appendAll(List.of(TestStores.request(m1, Flags.of(Set.of(SystemFlag.FLAGGED), Set.of("work"))),
                    TestStores.request(TestStores.message("2", "two"))));
            long modSeqBefore = inbox.info().highestModSeq();

            UidMapping move = inbox.moveTo(new long[] {1}, inbox);

            assertThat(move.sourceUids()).containsExactly(1);
            assertThat(move.targetUids()).containsExactly(3);
            assertThat(inbox.messages()).extracting(MessageMeta::uid).containsExactly(2L, 3L);
            assertThat(TestStores.readAll(inbox.content(3).openStream())).isEqualTo(m1);
            assertThat(inbox.content(3).meta().flags()).isEqualTo(Flags.of(Set.of(SystemFlag.FLAGGED), Set.of("work")));
            assertThat(inbox.info().uidNext()).isEqualTo(4);
            assertThat(inbox.info().highestModSeq()).isGreaterThan(modSeqBefore);
            assertThat(store.accounts().quota(TestStores.USER).messages()).isEqualTo(2);
        }
    }

    @Test
    void copyWithinOneMailboxAddsMessagesThatLaterAppendsFollow() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            byte[] m1 = TestStores.message("1", "one");
            inbox.append(TestStores.request(m1));
            long modSeqBefore = inbox.info().highestModSeq();

            UidMapping copy = inbox.copyTo(new long[] {1}, inbox);

            assertThat(copy.targetUids()).containsExactly(2);
            assertThat(inbox.info().uidNext()).isEqualTo(3);
            assertThat(inbox.info().messages()).isEqualTo(2);
            assertThat(inbox.info().highestModSeq()).isGreaterThan(modSeqBefore);
            assertThat(inbox.append(TestStores.request(TestStores.message("3", "three"))).uid()).isEqualTo(3);
            assertThat(inbox.messages()).extracting(MessageMeta::uid).containsExactly(1L, 2L, 3L);
            assertThat(TestStores.readAll(inbox.content(2).openStream())).isEqualTo(m1);
            assertThat(store.accounts().quota(TestStores.USER).messages()).isEqualTo(3);
        }
    }

    @Test
    void recentMessagesAreClaimedOnceAndOnlyForward() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox box = store.mailboxes(TestStores.USER).create("Fresh");
            box.appendAll(List.of(TestStores.request(TestStores.message("1", "one")),
                    TestStores.request(TestStores.message("2", "two"))));
            assertThat(box.firstUnclaimedRecentUid()).isEqualTo(1);
            assertThat(box.claimRecent(3)).isEqualTo(1); // UIDs 1 and 2 are recent for this caller
            assertThat(box.claimRecent(3)).isEqualTo(3); // and for nobody else
            assertThat(box.firstUnclaimedRecentUid()).isEqualTo(3);
            box.append(TestStores.request(TestStores.message("3", "three")));
            assertThat(box.firstUnclaimedRecentUid()).isEqualTo(3);
            assertThat(box.claimRecent(2)).isEqualTo(2); // a caller behind the others gets nothing
            assertThat(box.claimRecent(4)).isEqualTo(3);
            assertThat(box.firstUnclaimedRecentUid()).isEqualTo(4);
            // another handle on the same mailbox (another node, for a shared store) sees the same claims
            assertThat(store.mailboxes(TestStores.USER).open("Fresh").claimRecent(4)).isEqualTo(4);
        }
    }

    @Test
    void batchAppendIsAllOrNothing() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            ContentSource broken = () -> new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("client went away");
                }
            };
            assertThatThrownBy(() -> inbox.appendAll(List.of(TestStores.request(TestStores.message("ok", "x")),
                    AppendRequest.of(broken)))).isInstanceOf(StoreException.class);
            assertThat(inbox.info().messages()).isZero();
            assertThat(inbox.info().uidNext()).isEqualTo(1);
            AppendResult r = inbox.appendAll(List.of(TestStores.request(TestStores.message("a", "x")),
                    TestStores.request(TestStores.message("b", "y"))));
            assertThat(r.uids()).containsExactly(1, 2);
        }
    }

    @Test
    void quotaIsEnforcedOnAppendAndCopy() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            store.accounts().setQuota(TestStores.USER, new QuotaLimits(Long.MAX_VALUE, 2));
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            inbox.append(TestStores.request(TestStores.message("1", "a")));
            inbox.append(TestStores.request(TestStores.message("2", "b")));
            assertThatThrownBy(() -> inbox.append(TestStores.request(TestStores.message("3", "c"))))
                    .isInstanceOf(QuotaExceededException.class);
            assertThatThrownBy(() -> inbox.copyTo(new long[] {1}, store.mailboxes(TestStores.USER).open("Trash")))
                    .isInstanceOf(QuotaExceededException.class);
            // a move within the account does not change usage, so it is allowed at the limit
            inbox.moveTo(new long[] {1}, store.mailboxes(TestStores.USER).open("Trash"));
            var usage = store.accounts().quota(TestStores.USER);
            assertThat(usage.messages()).isEqualTo(2);
            assertThat(usage.octets()).isEqualTo(TestStores.message("1", "a").length * 2L);
        }
    }

    @Test
    void appendReadsTheSourceAsAStream() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            byte[] m = TestStores.message("stream", "x".repeat(100_000));
            AppendResult r = inbox.append(AppendRequest.of(ContentSource.of(new ByteArrayInputStream(m) {
                @Override
                public synchronized byte[] readAllBytes() {
                    throw new AssertionError("the store must not pull the whole message into a byte[]");
                }
            })));
            assertThat(inbox.content(r.uid()).size()).isEqualTo(m.length);
        }
    }
}
