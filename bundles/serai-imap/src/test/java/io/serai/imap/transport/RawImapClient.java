package io.serai.imap.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A line-oriented IMAP client over a plain socket (or wrapped streams), for byte-exact conversations. */
final class RawImapClient implements AutoCloseable {

    private final Socket socket;
    private InputStream in;
    private OutputStream out;

    RawImapClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, 5000);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Replaces the streams, e.g. with inflating/deflating ones after COMPRESS. */
    void wrap(InputStream newIn, OutputStream newOut) {
        in = newIn;
        out = newOut;
    }

    InputStream rawIn() throws IOException {
        return socket.getInputStream();
    }

    OutputStream rawOut() throws IOException {
        return socket.getOutputStream();
    }

    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One response line without CRLF, or {@code null} at end of stream. */
    String line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            buf.write(b);
        }
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.UTF_8);
    }

    /** Reads lines up to and including the one starting with {@code tag + " "}; returns them joined with CRLF. */
    String until(String tag) throws IOException {
        StringBuilder all = new StringBuilder();
        String l;
        while ((l = line()) != null) {
            all.append(l).append("\r\n");
            if (l.startsWith(tag + " ")) {
                break;
            }
        }
        return all.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
