import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * GreenMail's SMTP server as the in-memory baseline of bench/smtp/run.sh (issue #15): 127.0.0.1 on the given port,
 * GreenMail's defaults otherwise (any recipient accepted into an in-memory user, no authentication, no TLS, no
 * fsync). It runs until it is stopped; on SIGTERM it writes the number of messages it received to COUNT_FILE, so the
 * script can check that every message sent arrived.
 *
 *   java -cp greenmail-classpath:classes GreenMailSmtp PORT COUNT_FILE
 */
public final class GreenMailSmtp {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path countFile = Path.of(args[1]);
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                int received = greenMail.getManagers().getImapHostManager().getAllMessages().size();
                Files.writeString(countFile, received + "\n", StandardCharsets.US_ASCII);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                greenMail.stop();
            }
        }));
        System.out.println("GreenMail SMTP on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
