package io.serai.pop3.protocol;

import io.serai.pop3.api.Pop3EventListener;
import io.serai.pop3.api.Pop3ServerConfig;
import io.serai.sasl.SaslMechanisms;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Drives a {@link Pop3Session} as the transport would, turning each response into the exact bytes sent. */
final class SessionDriver {

    final Pop3Session session;
    Response last;

    SessionDriver(Pop3ServerConfig config, boolean tls) {
        StoreCredentials credentials = new StoreCredentials(config.store().accounts());
        session = new Pop3Session(config, new InetSocketAddress("192.0.2.1", 40000), tls,
                new SaslMechanisms(credentials), credentials);
    }

    static Pop3ServerConfig.Builder config(io.serai.store.api.MailStore store, Pop3EventListener listener) {
        return Pop3ServerConfig.builder().store(store).hostname("pop.example.org").listener(listener);
    }

    String greeting() {
        return render(session.greeting());
    }

    /** Sends one line (without CRLF) and returns everything the server writes for it. */
    String send(String line) {
        return render(session.onLine(line.getBytes(StandardCharsets.ISO_8859_1)));
    }

    String render(Response response) {
        last = response;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(response.output());
        if (response.action() == Response.Action.TRANSFER) {
            try (Transfer transfer = response.transfer()) {
                for (byte[] chunk = transfer.nextChunk(); chunk != null; chunk = transfer.nextChunk()) {
                    out.writeBytes(chunk);
                }
                transfer.completed();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
