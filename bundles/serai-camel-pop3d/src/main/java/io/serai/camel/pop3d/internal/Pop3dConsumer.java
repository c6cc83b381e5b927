package io.serai.camel.pop3d.internal;

import java.util.concurrent.ExecutorService;

import io.serai.camel.listener.ListenerConsumer;
import io.serai.camel.pop3d.Pop3dConstants;
import io.serai.camel.pop3d.Pop3dEndpoint;
import io.serai.pop3.api.MaildropLocks;
import io.serai.pop3.api.MessageEvent;
import io.serai.sasl.TrustedNetworks;
import io.serai.pop3.api.Pop3EventListener;
import io.serai.pop3.api.Pop3Server;
import io.serai.pop3.api.Pop3ServerConfig;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs the POP3 listener while the route runs and turns each retrieved or deleted message into an exchange. The
 * events are handed to one ordered thread, so a slow route never holds a POP3 session, and the route sees them
 * in the order they happened.
 */
public final class Pop3dConsumer extends ListenerConsumer<Pop3dEndpoint> {

    private ExecutorService events;

    public Pop3dConsumer(Pop3dEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected Listener createListener() {
        Pop3dEndpoint endpoint = listenerEndpoint();
        events = endpoint.getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "pop3d-events");
        Pop3ServerConfig.Builder config = Pop3ServerConfig.builder()
                .bind(endpoint.getHost(), endpoint.getPort())
                .hostname(endpoint.getHostname())
                .store(endpoint.getStore())
                .userWithoutTls(endpoint.isUserWithoutTls())
                .trustedNetworks(TrustedNetworks.parse(endpoint.getTrustedNetworks()))
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
        Pop3Server server = Pop3Server.create(config.build());
        return Listener.of(server::start, server::close);
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop(); // the listener first: no more events after this
        if (events != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(events);
            events = null;
        }
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
