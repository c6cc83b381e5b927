package io.serai.camel.pop3d.internal;

import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import io.serai.camel.pop3d.Pop3dConstants;
import io.serai.camel.pop3d.Pop3dEndpoint;
import io.serai.pop3.api.MaildropLocks;
import io.serai.pop3.api.MessageEvent;
import io.serai.pop3.api.Pop3EventListener;
import io.serai.pop3.api.Pop3Server;
import io.serai.pop3.api.Pop3ServerConfig;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Runs the POP3 listener while the route runs and turns each retrieved or deleted message into an exchange. The
 * events are handed to one ordered thread, so a slow route never holds a POP3 session, and the route sees them
 * in the order they happened.
 */
public final class Pop3dConsumer extends DefaultConsumer {

    private final Pop3dEndpoint endpoint;
    private final Consumer<InetSocketAddress> boundAddress;
    private ExecutorService events;
    private Pop3Server server;

    public Pop3dConsumer(Pop3dEndpoint endpoint, Processor processor, Consumer<InetSocketAddress> boundAddress) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.boundAddress = boundAddress;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        events = endpoint.getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "pop3d-events");
        Pop3ServerConfig.Builder config = Pop3ServerConfig.builder()
                .bind(endpoint.getHost(), endpoint.getPort())
                .hostname(endpoint.getHostname())
                .store(endpoint.getStore())
                .userWithoutTls(endpoint.isUserWithoutTls())
                .locks(endpoint.getLocks() != null ? endpoint.getLocks() : new MaildropLocks())
                .listener(new Pop3EventListener() {
                    @Override
                    public void retrieved(MessageEvent event) {
                        dispatch(Pop3dConstants.RETRIEVED, event);
                    }

                    @Override
                    public void deleted(MessageEvent event) {
                        dispatch(Pop3dConstants.DELETED, event);
                    }
                });
        if (endpoint.getCredentialStore() != null) {
            config.credentials(endpoint.getCredentialStore());
        }
        if (endpoint.getSslContext() != null) {
            if (endpoint.isImplicitTls()) {
                config.implicitTls(endpoint.getSslContext());
            } else {
                config.sslContext(endpoint.getSslContext());
            }
        } else if (endpoint.isImplicitTls()) {
            throw new IllegalArgumentException("pop3d: implicitTls needs an sslContext");
        }
        server = Pop3Server.create(config.build());
        // fail the route's start when the port cannot be bound, rather than run a route with no listener
        boundAddress.accept(server.start().toCompletableFuture().join());
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
        boundAddress.accept(null);
        if (events != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownGraceful(events);
            events = null;
        }
        super.doStop();
    }

    private void dispatch(String what, MessageEvent event) {
        ExecutorService target = events;
        if (target == null) {
            return;
        }
        target.execute(() -> {
            Exchange exchange = createExchange(true);
            exchange.getMessage().setHeader(Pop3dConstants.EVENT, what);
            exchange.getMessage().setHeader(Pop3dConstants.ACCOUNT, event.account());
            exchange.getMessage().setHeader(Pop3dConstants.UID, event.uid());
            exchange.getMessage().setHeader(Pop3dConstants.UIDL, event.uidl());
            exchange.getMessage().setHeader(Pop3dConstants.SIZE, event.size());
            exchange.getMessage().setHeader(Pop3dConstants.CLIENT, String.valueOf(event.client()));
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("pop3d: audit route failed", exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
        });
    }
}
