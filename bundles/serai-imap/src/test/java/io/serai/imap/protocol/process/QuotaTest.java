package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.Flags;
import io.serai.store.api.QuotaLimits;
import io.serai.store.api.SystemFlag;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GETQUOTAROOT, GETQUOTA, SETQUOTA (RFC 9208) byte for byte against the store's account quota. */
class QuotaTest {

    private static final String MESSAGE = "Subject: q\r\n\r\n" + "x".repeat(2000) + "\r\n";

    @TempDir
    Path dir;
    private SessionHarness h;

    @BeforeEach
    void login() throws Exception {
        h = SessionHarness.loggedIn(dir);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void quotaRootAndQuotaReportUsageAgainstLimits() throws Exception {
        h.store.accounts().setQuota(SessionHarness.USER, new QuotaLimits(512 * 1024, 100));
        h.append("INBOX", MESSAGE, Flags.NONE);
        h.append("Sent", MESSAGE, Flags.NONE);
        // 2 × 2016 octets = 4032 → 4 units of 1024 (rounded up)
        assertThat(h.send("a GETQUOTAROOT INBOX")).isEqualTo("* QUOTAROOT INBOX \"\"\r\n"
                + "* QUOTA \"\" (STORAGE 4 512 MESSAGE 2 100)\r\na OK GETQUOTAROOT completed\r\n");
        assertThat(h.send("b GETQUOTA \"\"")).isEqualTo(
                "* QUOTA \"\" (STORAGE 4 512 MESSAGE 2 100)\r\nb OK GETQUOTA completed\r\n");
        assertThat(h.send("c GETQUOTAROOT Nope")).isEqualTo("c NO [NONEXISTENT] No such mailbox\r\n");
        assertThat(h.send("d GETQUOTA user.alice")).isEqualTo("d NO [NONEXISTENT] No such quota root\r\n");
    }

    @Test
    void onlyLimitedResourcesAreListed() throws Exception {
        h.store.accounts().setQuota(SessionHarness.USER, new QuotaLimits(Long.MAX_VALUE, 10));
        assertThat(h.send("a GETQUOTAROOT Sent")).isEqualTo("* QUOTAROOT Sent \"\"\r\n"
                + "* QUOTA \"\" (MESSAGE 0 10)\r\na OK GETQUOTAROOT completed\r\n");
    }

    @Test
    void withoutLimitsThereIsNoQuotaRoot() {
        assertThat(h.send("a GETQUOTAROOT INBOX")).isEqualTo("* QUOTAROOT INBOX\r\na OK GETQUOTAROOT completed\r\n");
        assertThat(h.send("b GETQUOTA \"\"")).isEqualTo("b NO [NONEXISTENT] No such quota root\r\n");
    }

    @Test
    void statusDeletedStorageSaysWhatExpungeWouldFree() throws Exception {
        h.append("INBOX", MESSAGE, Flags.of(SystemFlag.DELETED));
        h.append("INBOX", MESSAGE, Flags.NONE);
        h.append("INBOX", "Subject: t\r\n\r\nx\r\n", Flags.of(SystemFlag.DELETED));
        // 2016 + 17 octets deleted → 2 units of 1024 (rounded up)
        assertThat(h.send("a STATUS INBOX (DELETED deleted-storage MESSAGES)")).isEqualTo(
                "* STATUS INBOX (DELETED 2 DELETED-STORAGE 2 MESSAGES 3)\r\na OK STATUS completed\r\n");
        assertThat(h.send("b STATUS Sent (DELETED-STORAGE)")).isEqualTo(
                "* STATUS Sent (DELETED-STORAGE 0)\r\nb OK STATUS completed\r\n");
    }

    @Test
    void setQuotaIsForTheAdministrator() {
        assertThat(h.send("a SETQUOTA \"\" (STORAGE 1024)"))
                .isEqualTo("a NO [NOPERM] Quotas are set by the administrator\r\n");
        assertThat(h.send("b SETQUOTA \"\" ()")).isEqualTo("b NO [NOPERM] Quotas are set by the administrator\r\n");
        assertThat(h.send("c SETQUOTA \"\" (STORAGE)")).startsWith("c BAD ");
    }

    @Test
    void quotaCommandsNeedAuthentication() throws Exception {
        SessionHarness fresh = new SessionHarness(dir.resolve("other"), true, false);
        try {
            assertThat(fresh.send("a GETQUOTAROOT INBOX")).isEqualTo("a BAD GETQUOTAROOT not allowed now\r\n");
        } finally {
            fresh.close();
        }
    }
}
