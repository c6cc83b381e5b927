package io.serai.store.embedded.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.stream.IntStream;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.AppendResult;
import io.serai.store.api.FlagUpdate;
import io.serai.store.api.FlagUpdateResult;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.MessageContent;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;
import io.serai.store.api.UidMapping;
import io.serai.store.api.search.SearchKey;
import io.serai.store.embedded.internal.blob.BlobWrite;
import io.serai.store.support.mime.StructureCodec;
import io.serai.store.support.mime.StructureParser;
import io.serai.store.embedded.internal.search.Candidate;
import io.serai.store.support.search.SearchEvaluator;
import io.serai.store.embedded.internal.state.MailboxState;
import io.serai.store.embedded.internal.state.TableSlice;

/** A mailbox by id. Reads take its read lock briefly; writes go through the committer. */
final class MailboxHandle implements Mailbox {
    private final StoreImpl store;
    private final long id;
    private final String account;

    MailboxHandle(StoreImpl store, long id, String account) {
        this.store = store;
        this.id = id;
        this.account = account;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public MailboxInfo info() throws StoreException {
        return read(MailboxState::info);
    }

    @Override
    public long[] uids() throws StoreException {
        return read(m -> {
            long[] out = new long[m.messages.count()];
            for (int i = 0; i < out.length; i++) {
                out[i] = m.messages.uid(i);
            }
            return out;
        });
    }

    @Override
    public List<MessageMeta> messages() throws StoreException {
        return changedSince(-1);
    }

    @Override
    public List<MessageMeta> messages(long firstUid, long lastUid) throws StoreException {
        return read(m -> {
            int from = m.messages.indexOf(firstUid);
            from = from < 0 ? -from - 1 : from;
            int to = from;
            while (to < m.messages.count() && m.messages.uid(to) <= lastUid) {
                to++;
            }
            return new TableSlice(m, IntStream.range(from, to).toArray());
        }).metas();
    }

    @Override
    public List<MessageMeta> changedSince(long modSeq) throws StoreException {
        return read(m -> new TableSlice(m, IntStream.range(0, m.messages.count())
                .filter(i -> m.messages.modSeq(i) > modSeq).toArray())).metas();
    }

    @Override
    public AppendResult append(AppendRequest request) throws StoreException {
        return appendAll(List.of(request));
    }

    @Override
    public AppendResult appendAll(List<AppendRequest> requests) throws StoreException {
        if (requests.isEmpty()) {
            throw new StoreException("nothing to append");
        }
        info(); // fail fast before streaming content for a mailbox that is gone
        List<BlobWrite> writes = new ArrayList<>(requests.size());
        StructureParser parser = new StructureParser();
        for (AppendRequest r : requests) {
            try (InputStream in = r.content().open()) {
                writes.add(store.blobs.write(in, c -> StructureCodec.encode(parser.parse(c))));
            } catch (IOException | RuntimeException e) {
                store.blobs.settled(writes); // none of them will be committed
                throw e instanceof StoreException se ? se : new StoreException("reading the message to append failed", e);
            }
        }
        try {
            return store.execute(new AppendCommand(id, List.copyOf(requests), writes, store.config.defaultQuota(),
                    store.imageBudget()));
        } finally {
            store.blobs.settled(writes);
        }
    }

    @Override
    public MessageContent content(long uid) throws StoreException {
        MessageContentImpl c = read(m -> {
            int i = m.messages.indexOf(uid);
            return i < 0 ? null
                    : new MessageContentImpl(m.meta(i), m.messages.blobRef(i), m.messages.metaLength(i), store.blobs);
        });
        if (c == null) {
            throw new NotFoundException("no message with UID " + uid);
        }
        return c;
    }

    @Override
    public FlagUpdateResult updateFlags(long[] uids, FlagUpdate update) throws StoreException {
        return store.execute(MessageCommands.updateFlags(id, uids, update));
    }

    @Override
    public long[] expunge(long[] uids) throws StoreException {
        return store.execute(MessageCommands.expunge(id, uids));
    }

    @Override
    public UidMapping copyTo(long[] uids, Mailbox target) throws StoreException {
        return store.execute(MessageCommands.copy(id, targetId(target), uids, false, store.config.defaultQuota()));
    }

    @Override
    public UidMapping moveTo(long[] uids, Mailbox target) throws StoreException {
        return store.execute(MessageCommands.copy(id, targetId(target), uids, true, store.config.defaultQuota()));
    }

    @Override
    public long[] search(SearchKey key) throws StoreException {
        TableSlice rows = read(m -> new TableSlice(m, IntStream.range(0, m.messages.count()).toArray()));
        List<Candidate> candidates = new ArrayList<>(rows.count());
        for (int k = 0; k < rows.count(); k++) {
            candidates.add(new Candidate(rows.meta(k), rows.blobRef(k), rows.metaLength(k), store.blobs));
        }
        return SearchEvaluator.search(key, candidates);
    }

    @Override
    public long claimRecent(long uidNext) throws StoreException {
        read(m -> null); // a deleted mailbox has nothing to claim
        return store.recent.claim(id, uidNext);
    }

    @Override
    public Optional<long[]> expungedSince(long modSeq) throws StoreException {
        return read(m -> m.expunged.since(modSeq));
    }

    @Override
    public long firstUnclaimedRecentUid() throws StoreException {
        read(m -> null);
        return store.recent.first(id);
    }

    boolean belongsTo(StoreImpl other) {
        return store == other;
    }

    @Override
    public String toString() {
        return "Mailbox[" + account + " #" + id + "]";
    }

    private long targetId(Mailbox target) throws StoreException {
        if (!(target instanceof MailboxHandle h) || h.store != store || !h.account.equals(account)) {
            throw new StoreException("target must be a mailbox of the same account and store");
        }
        return h.id;
    }

    private interface Reader<T> {
        T read(MailboxState m);
    }

    private <T> T read(Reader<T> reader) throws StoreException {
        MailboxState m = store.state.mailbox(id);
        Lock l = m.lock.readLock();
        l.lock();
        try {
            if (m.deleted) {
                throw new NotFoundException("mailbox was deleted");
            }
            return reader.read(m);
        } finally {
            l.unlock();
        }
    }
}
