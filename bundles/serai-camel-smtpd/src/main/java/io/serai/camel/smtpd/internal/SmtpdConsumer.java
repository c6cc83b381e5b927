package io.serai.camel.smtpd.internal;

import io.serai.camel.smtpd.SmtpdConfiguration;
import io.serai.camel.smtpd.SmtpdEndpoint;
import io.serai.smtp.api.SmtpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;

/**
 * Runs one serai-smtp listener for the route: {@code doStart} binds it (the server binds asynchronously; the
 * consumer waits so a port in use fails the route start), {@code doStop} closes it and its sessions.
 */
public final class SmtpdConsumer extends DefaultConsumer implements ShutdownAware {

    /** Binding a socket is quick; this only guards against a stuck start. */
    private static final long BIND_TIMEOUT_SECONDS = 30;

    private final SmtpdConfiguration options;
    private final Consumer<InetSocketAddress> boundListener;
    private ExecutorService handlerExecutor;
    private SmtpServer server;
    private volatile InetSocketAddress localAddress;

    public SmtpdConsumer(SmtpdEndpoint endpoint, Processor processor, Consumer<InetSocketAddress> boundListener) {
        super(endpoint, processor);
        this.options = endpoint.getConfiguration();
        this.boundListener = boundListener;
    }

    /** The bound address while started (the port picked when configured with 0), else {@code null}. */
    public InetSocketAddress getLocalAddress() {
        return localAddress;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String where = options.getHost() + ":" + options.getPort();
        // routes run on a Camel pool, as camel-netty's server consumer does, never on the server's I/O threads
        handlerExecutor = newHandlerExecutor(where);
        try {
            server = SmtpServer.create(ServerConfigFactory.create(options, getEndpoint().getCamelContext(),
                    new RouteDelivery(this), handlerExecutor));
            localAddress = bind(where);
        } catch (Exception e) {
            release();
            throw e;
        }
        boundListener.accept(localAddress);
    }

    /**
     * Camel's default pool, with a queue at least {@code maxConnections} long: the server reads nothing from a
     * connection while its message is in the route, so no more than that many deliveries are ever waiting and
     * none is rejected by a full queue (serai-smtp does not answer a delivery its executor rejected).
     */
    private ExecutorService newHandlerExecutor(String where) {
        ExecutorServiceManager manager = getEndpoint().getCamelContext().getExecutorServiceManager();
        ThreadPoolProfile profile = manager.getDefaultThreadPoolProfile().clone();
        profile.setId("smtpd");
        profile.setDefaultProfile(false);
        Integer queue = profile.getMaxQueueSize();
        if (queue == null || (queue >= 0 && queue < options.getMaxConnections())) {
            profile.setMaxQueueSize(options.getMaxConnections());
        }
        return manager.newThreadPool(this, "smtpd[" + where + "]", profile);
    }

    private InetSocketAddress bind(String where) throws Exception {
        try {
            return server.start().toCompletableFuture().get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("smtpd: cannot listen on " + where + ": " + cause, cause);
        } catch (TimeoutException e) {
            throw new IOException("smtpd: listening on " + where + " did not complete in "
                    + BIND_TIMEOUT_SECONDS + " s", e);
        }
    }

    /**
     * Camel stops this consumer only after the messages already in the route are done, so their clients still
     * get the 250 (or 4xx) the route earned instead of a 421 and a duplicate on retry.
     */
    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return true;
    }

    /** Nothing is queued here: deliveries wait in the server, and Camel counts the exchanges in flight. */
    @Override
    public int getPendingExchangesSize() {
        return 0;
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        // nothing to prepare: doStop closes the listener
    }

    @Override
    protected void doStop() throws Exception {
        boundListener.accept(null);
        localAddress = null;
        release();
        super.doStop();
    }

    private void release() {
        if (server != null) {
            // closes the listener and open sessions; a delivery still in a route is then never answered 250,
            // so the client keeps the message and retries (RFC 5321 §4.1.1.5 / §6.1)
            server.close();
            server = null;
        }
        if (handlerExecutor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(handlerExecutor);
            handlerExecutor = null;
        }
    }
}
