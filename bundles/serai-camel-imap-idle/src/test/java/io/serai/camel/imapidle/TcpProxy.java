package io.serai.camel.imapidle;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test TCP proxy in front of a mail server: it can drop every connection (a network failure as the client sees
 * it), refuse new ones (the server is down), point at a new port (the server restarted), remove capability tokens
 * from the server's CAPABILITY lines (a server without IDLE or MOVE), and records what the client sent.
 */
final class TcpProxy implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
    private final Set<String> strippedCapabilities = ConcurrentHashMap.newKeySet();
    private volatile int targetPort;
    private volatile boolean refusing;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, LOOPBACK);
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void stripCapability(String token) {
        strippedCapabilities.add(token);
    }

    void retarget(int port) {
        targetPort = port;
    }

    /** Closes every open connection; with refuse, new ones are closed at once until {@link #accepting()}. */
    void dropAll(boolean refuse) {
        refusing = refuse;
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    void accepting() {
        refusing = false;
    }

    String clientText() {
        synchronized (fromClient) {
            return fromClient.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    client.close();
                    continue;
                }
                Socket upstream;
                try {
                    upstream = new Socket(LOOPBACK, targetPort);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                sockets.add(client);
                sockets.add(upstream);
                start(() -> copyClient(client, upstream));
                start(() -> copyServer(upstream, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void copyClient(Socket client, Socket upstream) {
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (fromClient) {
                    fromClient.write(buffer, 0, n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // either side closed
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    /** Copies line by line (every IMAP and SMTP server line ends in CRLF) so CAPABILITY lines can be edited. */
    private void copyServer(Socket upstream, Socket client) {
        try (InputStream in = new BufferedInputStream(upstream.getInputStream());
             OutputStream out = client.getOutputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    out.write(edit(line.toByteArray()));
                    out.flush();
                    line.reset();
                }
            }
        } catch (IOException ignored) {
            // either side closed
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private byte[] edit(byte[] line) {
        if (strippedCapabilities.isEmpty()) {
            return line;
        }
        String text = new String(line, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("* CAPABILITY") && !text.contains("[CAPABILITY ")) {
            return line;
        }
        for (String token : strippedCapabilities) {
            text = text.replace(" " + token + " ", " ").replace(" " + token + "]", "]")
                    .replace(" " + token + "\r\n", "\r\n");
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void start(Runnable task) {
        Thread thread = new Thread(task, "proxy-copy");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropAll(true);
    }
}
