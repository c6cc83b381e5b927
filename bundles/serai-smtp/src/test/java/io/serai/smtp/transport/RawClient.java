package io.serai.smtp.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A scripted SMTP client over a real socket: sends raw bytes, reads whole replies. */
final class RawClient implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawClient(InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.connect(server, 5000);
        socket.setSoTimeout(10_000); // a broken server fails the test instead of hanging it
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static RawClient tls(InetSocketAddress server, SSLContext context) throws IOException {
        RawClient client = new RawClient(server);
        client.upgrade(context);
        return client;
    }

    void upgrade(SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, "localhost", socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        socket = tls;
        in = tls.getInputStream();
        out = tls.getOutputStream();
    }

    /** The raw output stream, for tests that write from another thread. */
    OutputStream output() {
        return out;
    }

    /** Sends the text as is: CRLFs must be written by the caller. */
    RawClient send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** Reads one complete (possibly multi-line) reply, CRLFs included. */
    String reply() throws IOException {
        StringBuilder reply = new StringBuilder();
        while (true) {
            String line = line();
            if (line == null) {
                throw new IOException("connection closed after: " + reply);
            }
            reply.append(line);
            if (line.length() < 4 || line.charAt(3) == ' ') {
                return reply.toString();
            }
        }
    }

    /** Reads {@code count} replies. */
    String replies(int count) throws IOException {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < count; i++) {
            all.append(reply());
        }
        return all.toString();
    }

    /** Whether nothing arrives within {@code millis}: used to show a reply is being held back. */
    boolean silentFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    /** Whether the server closed the connection (end of stream). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (previous == '\r' && b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            previous = b;
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
