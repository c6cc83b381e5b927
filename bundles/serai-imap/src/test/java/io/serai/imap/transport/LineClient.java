package io.serai.imap.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A raw IMAP client over a real socket: send lines, read lines; a 10 s read timeout fails a hung test. */
final class LineClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    LineClient(InetSocketAddress server) throws IOException {
        this(server, null);
    }

    /** @param from the local address to connect from (127.0.0.x), or null */
    LineClient(InetSocketAddress server, InetAddress from) throws IOException {
        socket = new Socket();
        if (from != null) {
            socket.bind(new InetSocketAddress(from, 0));
        }
        socket.connect(server, 5000);
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next line, or null at end of stream. */
    String line() throws IOException {
        return in.readLine();
    }

    /** Reads up to and including the line that starts with {@code prefix}; returns that line. */
    String lineStartingWith(String prefix) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("closed before a line starting with " + prefix);
    }

    /** Whether the server closed the connection (after any remaining lines). */
    boolean closedByServer() throws IOException {
        try {
            while (in.readLine() != null) {
                // drain
            }
            return true;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
