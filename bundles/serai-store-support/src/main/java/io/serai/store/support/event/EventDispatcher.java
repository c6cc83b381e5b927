package io.serai.store.support.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.serai.store.api.event.StoreEvent;
import io.serai.store.api.event.StoreListener;

/**
 * Delivers committed events to listeners. Each listener has its own serial queue on the shared executor,
 * so it sees events in commit order and a slow listener delays neither the committer nor other listeners.
 */
public final class EventDispatcher {
    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());
    private final Executor executor;
    private final List<Registration> listeners = new CopyOnWriteArrayList<>();

    public EventDispatcher(Executor executor) {
        this.executor = executor;
    }

    public AutoCloseable add(StoreListener listener) {
        Registration r = new Registration(listener, new SerialExecutor(executor));
        listeners.add(r);
        return () -> listeners.remove(r);
    }

    public void publish(List<StoreEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<StoreEvent> copy = List.copyOf(events);
        for (Registration r : listeners) {
            try {
                r.queue.execute(() -> deliver(r.listener, copy));
            } catch (RuntimeException e) {
                // e.g. a caller-supplied executor that was shut down: the commit itself stands
                LOG.log(Level.WARNING, "cannot deliver store events", e);
            }
        }
    }

    private static void deliver(StoreListener listener, List<StoreEvent> events) {
        for (StoreEvent e : events) {
            try {
                listener.onEvent(e);
            } catch (RuntimeException ex) {
                // one failing listener must not stop delivery to itself or others
                LOG.log(Level.WARNING, "store listener failed on " + e, ex);
            }
        }
    }

    private record Registration(StoreListener listener, SerialExecutor queue) {
    }
}
