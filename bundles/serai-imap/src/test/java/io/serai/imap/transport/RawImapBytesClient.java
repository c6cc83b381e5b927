package io.serai.imap.transport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A minimal IMAP client over a plain socket that reads responses as octets, literals included, for exact checks. */
final class RawImapBytesClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawImapBytesClient(InetSocketAddress address) throws IOException {
        socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream(), 65536);
        out = socket.getOutputStream();
        line(); // greeting
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a tagged command and returns every octet up to and including its tagged response line. */
    byte[] command(String tag, String command) throws IOException {
        send(tag + " " + command + "\r\n");
        return untilTagged(tag);
    }

    /** Everything up to the line starting with {@code tag}, following literals {@code {n}} in response lines. */
    byte[] untilTagged(String tag) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            byte[] line = line();
            all.writeBytes(line);
            String text = new String(line, StandardCharsets.ISO_8859_1);
            if (text.startsWith(tag + " ")) {
                return all.toByteArray();
            }
            int brace = text.lastIndexOf('{');
            if (text.endsWith("}\r\n") && brace >= 0) {
                int n = Integer.parseInt(text.substring(brace + 1, text.length() - 3));
                all.writeBytes(in.readNBytes(n));
            }
        }
    }

    /** One line, CRLF included. */
    byte[] line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed after " + line);
            }
            line.write(c);
            if (prev == '\r' && c == '\n') {
                return line.toByteArray();
            }
            prev = c;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
