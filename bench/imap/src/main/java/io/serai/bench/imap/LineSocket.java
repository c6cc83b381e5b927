package io.serai.bench.imap;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A minimal blocking IMAP client connection: one write+flush per command, lines read up to the tagged reply. */
final class LineSocket implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    LineSocket(InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(server, 10_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 4096);
        out = socket.getOutputStream();
    }

    String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("closed by server after: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Sends {@code tag command} and returns the tagged reply line; untagged lines are skipped. */
    String command(String tag, String command) throws IOException {
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String prefix = tag + " ";
        for (String line = line(); ; line = line()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Like {@link #command} but fails unless the reply is OK. */
    void ok(String tag, String command) throws IOException {
        String reply = command(tag, command);
        if (!reply.startsWith(tag + " OK")) {
            throw new IOException(command.split(" ")[0] + " failed: " + reply);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
