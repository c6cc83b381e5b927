package io.serai.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.serai.store.api.AlreadyExistsException;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;

/** Behaviour every MailStore has; a store's test extends this with its {@link StoreFixture}. */
public abstract class MailboxesContract {

    /** Where this test's store lives: a fresh location per test method, the same one on every call. */
    protected abstract StoreFixture fixture();


    @Test
    void createBuildsMissingParentsAndInboxIsCaseInsensitive() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailboxes boxes = store.mailboxes(TestStores.USER);
            boxes.create("Work/2026/Q4");
            assertThat(boxes.list()).extracting(MailboxInfo::name).contains("Work", "Work/2026", "Work/2026/Q4");
            assertThat(boxes.open("inbox").info().name()).isEqualTo("INBOX");
            boxes.create("inbox/Child");
            assertThat(boxes.open("INBOX/Child").info().name()).isEqualTo("INBOX/Child");
            assertThatThrownBy(() -> boxes.create("Work")).isInstanceOf(AlreadyExistsException.class);
            assertThatThrownBy(() -> boxes.create("a//b")).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> boxes.open("Nope")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void uidValidityIsDistinctPerMailboxAndUidNextStartsAtOne() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailboxes boxes = store.mailboxes(TestStores.USER);
            MailboxInfo a = boxes.create("A").info();
            MailboxInfo b = boxes.create("B").info();
            assertThat(a.uidValidity()).isNotEqualTo(b.uidValidity());
            assertThat(a.uidNext()).isEqualTo(1);
            boxes.delete("A");
            MailboxInfo again = boxes.create("A").info();
            // a re-created name must not look like the old mailbox to a caching client (RFC 3501 section 2.3.1.1)
            assertThat(again.uidValidity()).isGreaterThan(b.uidValidity());
        }
    }

    @Test
    void renameMovesChildrenAndKeepsTheHandleValid() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailboxes boxes = store.mailboxes(TestStores.USER);
            Mailbox work = boxes.create("Work");
            boxes.create("Work/Old");
            work.append(TestStores.request(TestStores.message("s", "b")));
            boxes.rename("Work", "Job");
            assertThat(boxes.list()).extracting(MailboxInfo::name).contains("Job", "Job/Old").doesNotContain("Work");
            assertThat(work.info().name()).isEqualTo("Job");
            assertThat(work.info().messages()).isEqualTo(1);
            assertThatThrownBy(() -> boxes.rename("INBOX", "X")).isInstanceOf(StoreException.class);
        }
        try (MailStore store = fixture().open()) {
            assertThat(store.mailboxes(TestStores.USER).open("Job/Old").info().name()).isEqualTo("Job/Old");
        }
    }

    @Test
    void deleteRemovesMessagesFromQuotaAndInboxCannotBeDeleted() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailboxes boxes = store.mailboxes(TestStores.USER);
            Mailbox tmp = boxes.create("Tmp");
            tmp.append(TestStores.request(TestStores.message("s", "b")));
            assertThat(store.accounts().quota(TestStores.USER).messages()).isEqualTo(1);
            boxes.delete("Tmp");
            assertThat(store.accounts().quota(TestStores.USER).messages()).isZero();
            assertThatThrownBy(tmp::info).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> boxes.delete("INBOX")).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void subscriptionsPersist() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailboxes boxes = store.mailboxes(TestStores.USER);
            boxes.subscribe("Lists/Java");
            boxes.unsubscribe("Junk");
        }
        try (MailStore store = fixture().open()) {
            assertThat(store.mailboxes(TestStores.USER).subscriptions()).contains("Lists/Java").doesNotContain("Junk");
        }
    }
}
