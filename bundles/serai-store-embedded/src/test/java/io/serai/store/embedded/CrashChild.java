package io.serai.store.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import io.serai.store.api.AlreadyExistsException;
import io.serai.store.embedded.EmbeddedMailStore;
import io.serai.store.api.Mailbox;

/**
 * Runs in a child JVM for {@link CrashTest}: appends durably forever and prints {@code ACK uid run seq}
 * after each append returns, until the parent kills it with SIGKILL. Now and then it expunges an older
 * message ({@code EXPUNGING uid} before, {@code EXPUNGED uid} after) and compacts, so kills also hit those.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        EmbeddedMailStore store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFileSizes(4 * 1024, 64 * 1024));
        try {
            store.accounts().addDomain("example.org");
        } catch (AlreadyExistsException e) {
            // a previous run got that far
        }
        try {
            store.accounts().createAccount(TestStores.USER, TestStores.PASSWORD);
        } catch (AlreadyExistsException e) {
            // idem
        }
        Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
        System.out.println("READY");
        System.out.flush();
        for (int seq = 0; ; seq++) {
            long uid = inbox.append(TestStores.request(content(run, seq))).uid();
            System.out.println("ACK " + uid + " " + run + " " + seq);
            System.out.flush();
            if (seq % 3 == 2 && uid > 2) {
                System.out.println("EXPUNGING " + (uid - 2));
                System.out.flush();
                inbox.expunge(new long[] {uid - 2});
                System.out.println("EXPUNGED " + (uid - 2));
                System.out.flush();
            }
            if (seq % 20 == 19) {
                store.compact(0.7);
            }
        }
    }

    /** Deterministic content, so the parent can check acknowledged messages byte for byte. */
    static byte[] content(int run, int seq) {
        Random r = new Random(run * 1_000_003L + seq);
        StringBuilder body = new StringBuilder();
        int lines = 20 + r.nextInt(400);
        for (int i = 0; i < lines; i++) {
            body.append(Long.toString(r.nextLong(), 36)).append("\r\n");
        }
        return TestStores.message("run " + run + " seq " + seq, body.toString())
                .clone();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
