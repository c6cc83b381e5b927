package io.serai.bench.pop3;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal POP3 client for load: one plain socket, our own 64 KiB read buffer (no per-byte stream calls, no
 * JavaMail), a buffered writer flushed once per command. Multi-line replies are read to the terminating
 * {@code .CRLF}, dot-unstuffed on the fly, and their octets counted (CRLF included, stuffing dots not, as RFC 1939
 * counts them).
 */
final class Pop3Client implements Closeable {
    /** Any reply or framing the client did not expect. */
    static final class ProtocolException extends IOException {
        ProtocolException(String message) {
            super(message);
        }
    }

    private final Socket socket;
    /**
     * Re-arm Linux TCP_QUICKACK before every read, so the client never delays its ACKs. Off in the default client;
     * the "quickack" rows use it because GreenMail's replies otherwise stall on Nagle + delayed ACK (see README).
     */
    private final boolean quickAck;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private final byte[] cmd = new byte[512];
    private int pos;
    private int lim;

    Pop3Client(InetSocketAddress address, boolean quickAck) throws IOException {
        this.quickAck = quickAck;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        socket.connect(address, 10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        String greeting = readLine();
        if (!greeting.startsWith("+OK")) {
            throw new ProtocolException("greeting: " + greeting);
        }
    }

    /** Sends one command and expects a single-line {@code +OK} reply, which is returned. */
    String ok(String command) throws IOException {
        send(command);
        String reply = readLine();
        if (!reply.startsWith("+OK")) {
            throw new ProtocolException(command.startsWith("PASS") ? "PASS: " + reply : command + ": " + reply);
        }
        return reply;
    }

    void login(String user, String password) throws IOException {
        ok("USER " + user);
        ok("PASS " + password);
    }

    /** STAT: {count, octets}. */
    long[] stat() throws IOException {
        String[] f = ok("STAT").split(" ");
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
    }

    /** LIST: the size of each message, 1-based numbers in order. */
    long[] list(int count) throws IOException {
        ok("LIST");
        long[] sizes = new long[count];
        int n = 0;
        while (true) {
            String line = readLine();
            if (line.equals(".")) {
                break;
            }
            String[] f = line.split(" ");
            int number = Integer.parseInt(f[0]);
            if (number != n + 1 || n >= count) {
                throw new ProtocolException("LIST line " + line);
            }
            sizes[n++] = Long.parseLong(f[1]);
        }
        if (n != count) {
            throw new ProtocolException("LIST has " + n + " entries, STAT said " + count);
        }
        return sizes;
    }

    /** RETR n: returns the octets of the message (unstuffed, CRLF counted); copies them to capture if non-null. */
    long retr(int number, ByteArrayOutputStream capture) throws IOException {
        send("RETR " + number);
        String status = readLine();
        if (!status.startsWith("+OK")) {
            throw new ProtocolException("RETR " + number + ": " + status);
        }
        return readMultiline(capture);
    }

    void quit() throws IOException {
        ok("QUIT");
    }

    private void send(String command) throws IOException {
        int n = command.length();
        for (int i = 0; i < n; i++) {
            cmd[i] = (byte) command.charAt(i);
        }
        cmd[n] = '\r';
        cmd[n + 1] = '\n';
        out.write(cmd, 0, n + 2);
        out.flush();
    }

    private long readMultiline(ByteArrayOutputStream capture) throws IOException {
        long octets = 0;
        while (true) {
            int nl = indexOfLf();
            int len = nl + 1 - pos;
            if (len < 2 || buf[nl - 1] != '\r') {
                throw new ProtocolException("bare LF in a multi-line reply");
            }
            if (buf[pos] == '.') {
                if (len == 3) {
                    pos = nl + 1;
                    return octets;
                }
                octets += len - 1;
                if (capture != null) {
                    capture.write(buf, pos + 1, len - 1);
                }
            } else {
                octets += len;
                if (capture != null) {
                    capture.write(buf, pos, len);
                }
            }
            pos = nl + 1;
        }
    }

    /** Index of the next LF at or after pos, reading more as needed (compacting the buffer). */
    private int indexOfLf() throws IOException {
        int from = pos;
        while (true) {
            for (int i = from; i < lim; i++) {
                if (buf[i] == '\n') {
                    return i;
                }
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            } else if (lim == buf.length) {
                throw new ProtocolException("line longer than " + buf.length + " octets");
            }
            from = lim;
            if (quickAck) {
                socket.setOption(jdk.net.ExtendedSocketOptions.TCP_QUICKACK, true);
            }
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                throw new ProtocolException("connection closed by the server");
            }
            lim += n;
        }
    }

    private String readLine() throws IOException {
        int nl = indexOfLf();
        int end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
        String line = new String(buf, pos, end - pos, StandardCharsets.US_ASCII);
        pos = nl + 1;
        return line;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
