package io.serai.imap.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;

import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/** Makes server-side TLS handlers (TLS 1.2 and 1.3 only, RFC 8996) and performs the STARTTLS switch. */
final class TlsStarter {

    static final String TLS = "tls";

    private final SSLContext context;

    TlsStarter(SSLContext context) {
        this.context = context;
    }

    SslHandler newHandler() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(Arrays.stream(engine.getSupportedProtocols())
                .filter(p -> p.equals("TLSv1.2") || p.equals("TLSv1.3")).toArray(String[]::new));
        return new SslHandler(engine);
    }

    /**
     * On the I/O loop, in one task: write the tagged OK in plaintext, then put TLS at the head of the pipeline. The
     * client sends its ClientHello only after reading the OK, so the handshake always meets the TLS handler.
     */
    void start(Channel channel, ByteBuf okResponse) {
        SslHandler handler = newHandler();
        channel.eventLoop().execute(() -> {
            channel.writeAndFlush(okResponse);
            channel.pipeline().addFirst(TLS, handler);
        });
    }
}
