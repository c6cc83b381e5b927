package io.serai.pop3.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/** Makes server-side TLS handlers (TLS 1.2 and 1.3 only, RFC 8996) and performs the STLS switch. */
final class TlsStarter {

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
     * On the I/O loop: write the {@code +OK} in plaintext straight below the TLS position, then insert TLS there.
     * Both happen in one event-loop task, so the client's handshake (sent only after it read the +OK) always
     * meets the TLS handler, and earlier replies, queued to the loop before, go out first.
     */
    void start(Channel channel, byte[] okReply) {
        if (context == null) {
            throw new IllegalStateException("no SSLContext");
        }
        SslHandler handler = newHandler();
        channel.eventLoop().execute(() -> {
            ChannelPipeline pipeline = channel.pipeline();
            pipeline.context(Pop3ChannelInitializer.LIMITS).writeAndFlush(Unpooled.wrappedBuffer(okReply));
            pipeline.addAfter(Pop3ChannelInitializer.LIMITS, Pop3ChannelInitializer.TLS, handler);
        });
    }
}
