package io.serai.store.transfer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;

/** Compares two stores account by account: mailboxes, UIDVALIDITY, UIDs, flags, internal dates, sizes and SHA-256. */
public final class StoreComparison {
    private StoreComparison() {
    }

    public static List<String> compare(MailStore a, MailStore b, List<String> accounts) throws StoreException {
        List<String> out = new ArrayList<>();
        for (String account : accounts) {
            for (MailboxInfo info : a.mailboxes(account).list()) {
                Mailbox left = a.mailboxes(account).open(info.name());
                Mailbox right;
                try {
                    right = b.mailboxes(account).open(info.name());
                } catch (NotFoundException e) {
                    out.add(account + " " + info.name() + ": missing");
                    continue;
                }
                compare(account + " " + info.name(), info, left, right, out);
            }
        }
        return out;
    }

    private static void compare(String where, MailboxInfo info, Mailbox left, Mailbox right, List<String> out)
            throws StoreException {
        MailboxInfo other = right.info();
        if (other.uidValidity() != info.uidValidity()) {
            out.add(where + ": UIDVALIDITY " + info.uidValidity() + " / " + other.uidValidity());
        }
        if (other.uidNext() < info.uidNext()) {
            out.add(where + ": UIDNEXT " + info.uidNext() + " / " + other.uidNext());
        }
        List<MessageMeta> l = left.messages();
        List<MessageMeta> r = right.messages();
        if (!Arrays.equals(l.stream().mapToLong(MessageMeta::uid).toArray(), r.stream().mapToLong(MessageMeta::uid).toArray())) {
            out.add(where + ": UIDs differ (" + l.size() + " / " + r.size() + " messages)");
            return;
        }
        for (int i = 0; i < l.size(); i++) {
            MessageMeta x = l.get(i);
            MessageMeta y = r.get(i);
            if (!x.flags().equals(y.flags()) || x.size() != y.size() || x.modSeq() != y.modSeq()
                    || x.internalDate().getEpochSecond() != y.internalDate().getEpochSecond()) {
                // INTERNALDATE has whole seconds in IMAP; stores keep milliseconds (embedded) or microseconds (PostgreSQL)
            out.add(where + " UID " + x.uid() + ": flags, size, MODSEQ or date differ");
            } else if (!digest(left, x.uid()).equals(digest(right, y.uid()))) {
                out.add(where + " UID " + x.uid() + ": bytes differ");
            }
        }
    }

    private static String digest(Mailbox m, long uid) throws StoreException {
        try (InputStream in = m.content(uid).openStream()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 << 10];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new StoreException("reading UID " + uid + " failed", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
