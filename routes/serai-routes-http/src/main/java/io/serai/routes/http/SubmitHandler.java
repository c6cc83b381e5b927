package io.serai.routes.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.serai.smtp.api.RejectException;
import org.apache.camel.util.json.Jsoner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST <path>} with a JSON {@link MailRequest}: builds the message and submits it; answers {@code 202} with
 * the Message-ID once the message is durable. {@code 400} for a request to fix (the reason in {@code error}),
 * {@code 401}/{@code 403} for missing credentials or a {@code from} that is not the authenticated account,
 * {@code 413} past {@code maxRequestSize}, {@code 422} when the mail system refuses it for good (e.g. an unknown
 * local user), {@code 503} when it cannot take it now (e.g. no outbound relay configured for a remote recipient).
 * Runs on the server's own executor, never on a Camel or store thread.
 */
final class SubmitHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitHandler.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final MailRequestParser parser;
    private final Optional<BasicAuth> auth;
    private final Submission submission;
    private final String hostname;
    private final long maxRequestSize;
    private final Clock clock;

    SubmitHandler(MailRequestParser parser, Optional<BasicAuth> auth, Submission submission, String hostname,
                  long maxRequestSize, Clock clock) {
        this.parser = parser;
        this.auth = auth;
        this.submission = submission;
        this.hostname = hostname;
        this.maxRequestSize = maxRequestSize;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        // not try-with-resources: the exchange must stay open while a catch block answers
        try {
            process(http);
        } finally {
            http.close();
        }
    }

    private void process(HttpExchange http) throws IOException {
        try {
            if (!http.getRequestMethod().equals("POST")) {
                http.getResponseHeaders().set("Allow", "POST");
                respond(http, 405, "error", "use POST");
                return;
            }
            Optional<String> user = Optional.empty();
            if (auth.isPresent()) {
                user = auth.get().authenticate(http.getRequestHeaders().getFirst("Authorization"));
                if (user.isEmpty()) {
                    http.getResponseHeaders().set("WWW-Authenticate", BasicAuth.CHALLENGE);
                    respond(http, 401, "error", "authentication required: an account of this server");
                    return;
                }
            }
            byte[] body = readBounded(http.getRequestBody());
            if (body == null) {
                respond(http, 413, "error", "request larger than " + maxRequestSize + " octets");
                return;
            }
            MailRequest request = parser.parse(utf8(body));
            if (user.isPresent() && !user.get().equals(request.from().toLowerCase(Locale.ROOT))) {
                respond(http, 403, "error", "'from' must be the authenticated account " + user.get());
                return;
            }
            String id = UUID.randomUUID().toString();
            String messageId = "<" + id + "@" + hostname + ">";
            Instant now = clock.instant();
            String received = "Received: from [" + http.getRemoteAddress().getAddress().getHostAddress() + "]\r\n\tby "
                    + hostname + " (Serai) with HTTP id " + id + ";\r\n\t" + DATE.format(now);
            byte[] message = MimeWriter.write(request, messageId, now, received);
            submission.submit(request.from(), request.recipients(), message);
            respond(http, 202, "messageId", messageId);
        } catch (BadRequestException e) {
            respond(http, 400, "error", e.getMessage());
        } catch (RejectException e) {
            int status = e.reply().isTransientFailure() ? 503 : 422;
            respond(http, status, "error", String.join(" ", e.reply().lines()));
        } catch (Exception e) {
            LOG.warn("HTTP submission failed", e);
            respond(http, 503, "error", "the message could not be submitted: " + e.getMessage());
        }
    }

    /** The body, or null when it is larger than the limit (read no further than that). */
    private byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestSize + 1));
        return body.length > maxRequestSize ? null : body;
    }

    private static String utf8(byte[] body) throws BadRequestException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("the request body is not UTF-8 (RFC 8259 §8.1)");
        }
    }

    private static void respond(HttpExchange http, int status, String key, String value) throws IOException {
        byte[] json = ("{\"" + key + "\":\"" + Jsoner.escape(value) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        http.sendResponseHeaders(status, json.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(json);
        }
    }
}
