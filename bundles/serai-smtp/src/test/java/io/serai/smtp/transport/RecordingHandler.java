package io.serai.smtp.transport;

import io.serai.smtp.api.Envelope;
import io.serai.smtp.api.MessageContent;
import io.serai.smtp.api.MessageHandler;
import io.serai.smtp.api.SmtpReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/** Copies each delivered message and answers with a stage the test controls. */
final class RecordingHandler implements MessageHandler {

    /** One delivered message. */
    record Received(Envelope envelope, byte[] content, String thread) {
    }

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Function<Received, CompletionStage<SmtpReply>> answer =
            r -> CompletableFuture.completedFuture(null);

    void answerWith(Function<Received, CompletionStage<SmtpReply>> value) {
        answer = value;
    }

    @Override
    public CompletionStage<SmtpReply> deliver(Envelope envelope, MessageContent content) {
        try (InputStream in = content.openStream()) {
            Received r = new Received(envelope, in.readAllBytes(), Thread.currentThread().getName());
            received.add(r);
            return answer.apply(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
