package io.serai.camel.imapidle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.serai.camel.imapidle.internal.ImapIdleConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A CamelContext with one imap-idle route that records what it receives; can fail the first attempts. */
final class RouteHarness implements AutoCloseable {

    record Received(long uid, long uidValidity, String subject, String from, String messageKey, byte[] body) {
    }

    final CamelContext context = new DefaultCamelContext();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    RouteHarness(String uri) throws Exception {
        this(uri, 0);
    }

    RouteHarness(String uri, int failFirst) throws Exception {
        this(uri, failFirst, context -> { });
    }

    RouteHarness(String uri, int failFirst, java.util.function.Consumer<CamelContext> setup) throws Exception {
        failuresLeft.set(failFirst);
        setup.accept(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("idle").process(RouteHarness.this::record);
            }
        });
        context.start();
    }

    private void record(Exchange exchange) {
        attempts.incrementAndGet();
        if (failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("route failure for the test");
        }
        var in = exchange.getIn();
        received.add(new Received(in.getHeader(ImapIdleConstants.UID, Long.class),
                in.getHeader(ImapIdleConstants.UID_VALIDITY, Long.class),
                in.getHeader(ImapIdleConstants.SUBJECT, String.class),
                in.getHeader(ImapIdleConstants.FROM, String.class),
                in.getHeader(ImapIdleConstants.MESSAGE_KEY, String.class),
                in.getBody(byte[].class)));
    }

    ImapIdleConsumer consumer() {
        return (ImapIdleConsumer) context.getRoute("idle").getConsumer();
    }

    List<String> subjects() {
        return received.stream().map(Received::subject).toList();
    }

    @Override
    public void close() {
        context.stop();
    }
}
