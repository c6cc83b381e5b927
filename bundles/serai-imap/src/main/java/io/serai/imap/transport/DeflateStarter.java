package io.serai.imap.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;

/**
 * Performs the COMPRESS DEFLATE switch (RFC 4978 §3): in one I/O-loop task, write the tagged OK uncompressed, then
 * put {@link DeflateCodec} right after TLS (or first). Writes the session made before are queued ahead on the loop,
 * so they stay uncompressed; reads the framer asks for after this command are queued behind, so every byte the
 * client sends after reading the OK is inflated.
 */
final class DeflateStarter {

    void start(Channel channel, ByteBuf okResponse) {
        channel.eventLoop().execute(() -> {
            channel.writeAndFlush(okResponse);
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(TlsStarter.TLS) != null) {
                pipeline.addAfter(TlsStarter.TLS, DeflateCodec.NAME, new DeflateCodec());
            } else {
                pipeline.addFirst(DeflateCodec.NAME, new DeflateCodec());
            }
        });
    }
}
