package io.serai.imap.protocol.process;

import io.serai.imap.protocol.encode.Address;
import io.serai.imap.protocol.encode.AddressListParser;
import io.serai.imap.protocol.sort.BaseSubject;
import io.serai.imap.protocol.sort.SortFacts;
import io.serai.imap.protocol.sort.UnicodeCasemap;
import io.serai.store.api.MessageContent;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;
import io.serai.store.api.mime.Envelope;
import io.serai.store.api.mime.HeaderField;
import io.serai.store.api.mime.MessageStructure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * Reads the {@link SortFacts} of messages from the structure the store parsed at append (envelope, Date, header
 * index), through the selected mailbox's cache. Only THREAD=REFERENCES needs the References field, which is not in
 * the envelope: it is read from the message's header bytes, and only then.
 */
final class SortFactsReader {

    /** At most this many header octets are read to find References (RFC 5322 sets no limit; clients do). */
    private static final int MAX_REFERENCES_OFFSET = 1 << 20;

    private SortFactsReader() {
    }

    /**
     * The facts of {@code uids}, in the same order; messages expunged meanwhile are left out.
     *
     * @param references whether {@link SortFacts#parentIds()} must come from References (THREAD=REFERENCES);
     *                   otherwise it is only the In-Reply-To id
     */
    static List<SortFacts> read(SelectedMailbox selected, long[] uids, boolean references) throws StoreException {
        List<SortFacts> facts = new ArrayList<>(uids.length);
        for (long uid : uids) {
            SortFacts f = selected.sortFacts(uid, references);
            if (f == null) {
                try {
                    f = of(selected.mailbox().content(uid), references);
                } catch (NotFoundException e) {
                    continue;
                } catch (IOException e) {
                    throw new StoreException("reading message " + uid + " failed", e);
                }
                selected.cacheSortFacts(f, references);
            }
            facts.add(f);
        }
        return facts;
    }

    static SortFacts of(MessageContent content, boolean references) throws IOException {
        MessageStructure structure = content.structure();
        Envelope env = structure.envelope();
        long arrival = content.meta().internalDate().toEpochMilli();
        BaseSubject subject = BaseSubject.of(decoded(env.subject()));
        Address from = first(env.from());
        Address to = first(env.to());
        List<String> parentIds = references ? references(content, structure) : List.of();
        if (parentIds.isEmpty()) {
            String inReplyTo = env.inReplyTo().map(v -> firstId(text(v))).orElse(null);
            parentIds = inReplyTo == null ? List.of() : List.of(inReplyTo);
        }
        return new SortFacts(content.meta().uid(), arrival, content.meta().size(),
                structure.sentDate().orElse(arrival), UnicodeCasemap.key(subject.text()), subject.replyOrForward(),
                key(mailboxOf(from)), key(mailboxOf(to)), key(mailboxOf(first(env.cc()))),
                key(display(from)), key(display(to)), env.messageId().map(v -> firstId(text(v))).orElse(null),
                parentIds);
    }

    /**
     * The first address of the ENVELOPE list (RFC 5256 §3: "the first ... address"), or null. A group's start
     * marker counts: its addr-mailbox is the group name, as Dovecot sorts it.
     */
    private static Address first(Optional<byte[]> value) {
        if (value.isEmpty()) {
            return null;
        }
        List<Address> addresses = AddressListParser.parse(value.get());
        return addresses.isEmpty() ? null : addresses.get(0);
    }

    /** {@code addr-mailbox}, the local part (RFC 5256 §3 CC, FROM, TO). */
    private static String mailboxOf(Address a) {
        return a == null || a.mailbox() == null ? "" : text(a.mailbox());
    }

    /** RFC 5957 §3: the decoded display name, or the addr-spec when there is none (a group: its name). */
    private static String display(Address a) {
        if (a == null) {
            return "";
        }
        String name = a.name() == null ? "" : DecoderUtil.decodeEncodedWords(text(a.name()), DecodeMonitor.SILENT)
                .strip();
        if (!name.isEmpty()) {
            return name;
        }
        return a.host() == null ? mailboxOf(a) : mailboxOf(a) + "@" + text(a.host()); // a group: its name
    }

    private static String key(String s) {
        return UnicodeCasemap.key(s);
    }

    /** The subject with encoded words decoded (RFC 5256 §2.1 step 1). */
    private static String decoded(Optional<byte[]> value) {
        return value.map(v -> DecoderUtil.decodeEncodedWords(text(v), DecodeMonitor.SILENT)).orElse("");
    }

    /** The ids of the first References field, oldest first. */
    private static List<String> references(MessageContent content, MessageStructure structure) throws IOException {
        for (HeaderField f : structure.header()) {
            if (f.name().equals("references")) {
                long end = f.offset() + f.length();
                if (end > MAX_REFERENCES_OFFSET) {
                    return List.of();
                }
                byte[] value = new byte[f.length()];
                try (InputStream in = content.openStream()) {
                    in.skipNBytes(f.offset());
                    int n = in.readNBytes(value, 0, value.length);
                    return ids(text(java.util.Arrays.copyOf(value, n)).substring(Math.min(n, f.name().length() + 1)));
                }
            }
        }
        return List.of();
    }

    /** Every {@code <...>} id in a field value, brackets and white space taken out (RFC 5322 §3.6.4). */
    static List<String> ids(String value) {
        List<String> ids = new ArrayList<>();
        int pos = 0;
        while (true) {
            int open = value.indexOf('<', pos);
            int close = open < 0 ? -1 : value.indexOf('>', open + 1);
            if (close < 0) {
                return ids;
            }
            String id = value.substring(open + 1, close).replaceAll("\\s+", "");
            if (!id.isEmpty()) {
                ids.add(id);
            }
            pos = close + 1;
        }
    }

    private static String firstId(String value) {
        List<String> ids = ids(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** UTF-8 when it is valid (RFC 6532), else one character per octet, so nothing is dropped. */
    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
