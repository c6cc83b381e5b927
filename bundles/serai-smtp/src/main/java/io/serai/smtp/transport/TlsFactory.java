package io.serai.smtp.transport;

import io.netty.handler.ssl.SslHandler;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/** Creates server-side {@link SslHandler}s from the configured {@link SSLContext}. */
final class TlsFactory {

    private final SSLContext context;

    TlsFactory(SSLContext context) {
        this.context = context;
    }

    SslHandler newHandler() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        // RFC 8996 / RFC 8314 §4.1: nothing older than TLS 1.2
        engine.setEnabledProtocols(java.util.Arrays.stream(engine.getSupportedProtocols())
                .filter(p -> p.equals("TLSv1.2") || p.equals("TLSv1.3"))
                .toArray(String[]::new));
        return new SslHandler(engine);
    }
}
