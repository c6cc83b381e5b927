/**
 * What the SMTP, POP3 and IMAP servers do alike with Netty, so each keeps only its protocol's pipeline:
 * {@link io.serai.netty.listener.NettyListener} owns one listener's threads, bind and orderly stop,
 * {@link io.serai.netty.listener.ConnectionLimiter} caps connections per listener and per client address, and
 * {@link io.serai.netty.listener.PipelineTracker} counts pipelines not yet torn down.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.netty.listener;
