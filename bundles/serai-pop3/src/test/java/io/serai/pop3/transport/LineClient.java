package io.serai.pop3.transport;

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

/** A bare socket client that reads the server's bytes exactly, with a read timeout so no test hangs. */
final class LineClient implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final InetSocketAddress address;

    LineClient(InetSocketAddress address) throws IOException {
        this(address, new Socket(address.getAddress(), address.getPort()));
    }

    private LineClient(InetSocketAddress address, Socket socket) throws IOException {
        this.address = address;
        use(socket);
    }

    static LineClient tls(InetSocketAddress address, SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(address.getAddress(), address.getPort());
        socket.startHandshake();
        return new LineClient(address, socket);
    }

    private void use(Socket s) throws IOException {
        socket = s;
        socket.setSoTimeout(5000);
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Switches this connection to TLS after a +OK to STLS. */
    void startTls(SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, address.getHostString(), address.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        use(tls);
    }

    LineClient send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** One line, CRLF included. */
    String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed after " + line.toString(StandardCharsets.ISO_8859_1));
            }
            line.write(b);
            if (previous == '\r' && b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1);
            }
            previous = b;
        }
    }

    /** A multi-line reply: the status line through the ".\r\n" line. */
    String multiLine() throws IOException {
        StringBuilder reply = new StringBuilder(line());
        if (!reply.toString().startsWith("+OK")) {
            return reply.toString();
        }
        for (String l = line(); ; l = line()) {
            reply.append(l);
            if (l.equals(".\r\n")) {
                return reply.toString();
            }
        }
    }

    /** Whether the server closed the connection (end of stream within the read timeout). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Whether nothing arrives for {@code millis}. */
    boolean silentFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
