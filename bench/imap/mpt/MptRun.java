import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A by-hand runner for Apache James' MPT IMAP protocol scripts (mpt/impl/imap-mailbox/core/.../imap/scripts/*.test)
 * against any IMAP server on host:port (issue #14; see bench/imap/mpt/mpt.sh, which runs it against Serai and Dovecot).
 * Our own reading of the script format, not James code:
 * <ul>
 *   <li>{@code C: text} the client sends {@code text} CRLF (also the lines of a literal);</li>
 *   <li>{@code S: regex} the next server line must match the Java regex entirely ({@link Pattern#matches});
 *       the exact line {@code S: \+ Ok} only asks for a continuation line (any line starting with "+");</li>
 *   <li>{@code SUB {} ... {@code }} the enclosed S: lines in any order;</li>
 *   <li>{@code SESSION: n} following lines belong to connection n (lines before any SESSION: go to every
 *       connection); all connections are opened before the prelude, which runs on each;</li>
 *   <li>{@code REINIT} reconnects that connection (the greeting is read and dropped); {@code WAIT ms} sleeps;
 *       {@code AWAIT} sleeps 2 s; {@code LOG}, {@code TIMER}, {@code #} and blank lines are ignored.</li>
 * </ul>
 * A case is "Suite Script prelude" from the cases file (bench/imap/mpt/cases.txt); the prelude is what James' suite
 * runs before (and after) the script. Each case runs as its own user: the word {@code imapuser} in the scripts (and
 * preludes) becomes {@code --user} with {@code %d} replaced by the case's index, except inside literals, whose sizes
 * must not change; the servers are expected to have users u0..uN with password {@code password}, each with an empty
 * INBOX, as James' tests get a fresh server per test. The first mismatch ends the case.
 * <p>
 * {@code java MptRun.java --port P --scripts DIR --cases FILE [--host H] [--user u%d@bench.test] [--timeout-ms 5000]
 * [--loose] [--out results.tsv] [--verbose] [Suite/Script ...]}
 * <p>
 * {@code --loose}: a tagged status line (tag OK/NO/BAD ...) matches when tag and status match, whatever the response
 * code and text (James' scripts spell out James' texts, "NOOP completed." etc.), and an expected untagged
 * {@code * OK [MAILBOXID|HIGHESTMODSEQ|NOMODSEQ|UNSEEN|PERMANENTFLAGS|UIDNEXT ...]} line may be missing; runs of
 * SELECT-style untagged lines ({@code * OK [...]}, {@code * FLAGS}, {@code * n EXISTS}, {@code * n RECENT}) match
 * in any order, FLAGS lists as sets, and an extra {@code * OK [code]} line among them is let through. An expected
 * line without regex operators also matches when the two differ only in the order of a {@code FLAGS (...)} list or
 * in quotes around an atom ({@link #canonical}).
 */
public class MptRun {

    interface El {}
    record Cl(int s, String line) implements El {}
    record Sl(int s, String regex, String loc, String last) implements El {}
    record Sub(int s, List<String> regexes, String loc, String last) implements El {}
    record Cont(int s, String loc) implements El {}
    record Reinit(int s) implements El {}
    record Sleep(long ms) implements El {}

    static final class Failure extends Exception {
        Failure(String m) { super(m, null, false, false); }
    }

    static String host = "127.0.0.1";
    static int port;
    static int timeoutMs = 5000;
    static boolean loose;
    static boolean verbose;
    static String userPattern = "u%d@bench.test";
    static final Pattern TAGGED = Pattern.compile("([^ *+\\\\]\\S*) (OK|NO|BAD)\\b.*");
    static final Pattern LITERAL = Pattern.compile(".*\\{(\\d+)\\+?}$");
    /**
     * Untagged lines James sends and other servers need not (RFC 8474 MAILBOXID without OBJECTID enabled, the
     * optional SELECT codes, James' response-text chatter): with --loose an expected one may be absent.
     */
    /** SELECT/EXAMINE's untagged lines, whose order RFC 9051 §6.3.2 does not fix: matched as a set with --loose. */
    static final Pattern SELECT_DATA =
            Pattern.compile("\\\\?\\* (OK \\\\?\\[|FLAGS |(\\d+|\\\\d\\+) (EXISTS|RECENT)).*");
    static final Pattern FLAGS_ITEM = Pattern.compile("FLAGS \\(([^()]*)\\)");
    static final Pattern QUOTED_ATOM = Pattern.compile("\"([A-Za-z0-9._&@-]+)\"");
    static final Pattern FLAG_LIST = Pattern.compile("\\* FLAGS \\((.*)\\)");
    static final Pattern OPTIONAL_UNTAGGED = Pattern.compile(
            "\\\\?\\* OK \\\\?\\[(MAILBOXID|HIGHESTMODSEQ|NOMODSEQ|UNSEEN|PERMANENTFLAGS|UIDNEXT)\\b.*");

    public static void main(String[] args) throws Exception {
        Path scripts = null, cases = null, out = null;
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--scripts" -> scripts = Path.of(args[++i]);
                case "--cases" -> cases = Path.of(args[++i]);
                case "--user" -> userPattern = args[++i];
                case "--timeout-ms" -> timeoutMs = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--loose" -> loose = true;
                case "--verbose" -> verbose = true;
                default -> only.add(args[i]);
            }
        }
        if (port == 0 || scripts == null || cases == null) {
            System.err.println("usage: java MptRun.java --port P --scripts DIR --cases FILE [--host H] [--user u%d@x]"
                    + " [--timeout-ms N] [--loose] [--out FILE] [--verbose] [Suite/Script ...]");
            System.exit(2);
        }
        int index = 0, pass = 0, fail = 0, skip = 0;
        try (PrintWriter tsv = out == null ? null : new PrintWriter(Files.newBufferedWriter(out))) {
            for (String raw : Files.readAllLines(cases)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\s+");
                String name = f[0] + "/" + f[1];
                int user = index++;
                if (!only.isEmpty() && !only.contains(name) && !only.contains(f[1])) {
                    continue;
                }
                String result, detail;
                if (f[2].equals("skip")) {
                    result = "SKIP";
                    detail = "needs host-side provisioning";
                    skip++;
                } else {
                    try {
                        runCase(scripts, f[1], f[2], String.format(userPattern, user));
                        result = "PASS";
                        detail = "";
                        pass++;
                    } catch (Failure e) {
                        result = "FAIL";
                        detail = e.getMessage();
                        fail++;
                    } catch (IOException | RuntimeException e) {
                        result = "FAIL";
                        detail = "error: " + e;
                        fail++;
                    }
                }
                System.out.println(result + " " + name + (detail.isEmpty() ? "" : "  " + detail));
                if (tsv != null) {
                    tsv.println(name + "\t" + result + "\t" + detail.replace('\t', ' ').replace('\n', ' '));
                }
            }
        }
        System.out.printf("# %d pass, %d fail, %d skip%n", pass, fail, skip);
    }

    // ------------------------------------------------------------------ script parsing

    static List<El> parse(Path file, String user) throws IOException {
        List<El> els = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String fileName = file.getFileName().toString();
        int session = -1;
        String last = "";
        long literal = 0; // bytes of a client literal still to come
        for (int n = 0; n < lines.size(); n++) {
            String next = lines.get(n);
            String loc = fileName + ":" + (n + 1);
            if (next.equals("S: \\+ Ok")) {
                els.add(new Cont(session, loc));
            } else if (next.startsWith("C:")) {
                String msg = next.length() > 3 ? next.substring(3) : "";
                if (literal > 0) {
                    literal -= msg.getBytes(StandardCharsets.UTF_8).length + 2L;
                } else {
                    msg = msg.replace("imapuser", user);
                }
                if (literal <= 0) {
                    literal = 0;
                    Matcher m = LITERAL.matcher(msg);
                    if (m.matches()) {
                        literal = Long.parseLong(m.group(1));
                    }
                }
                els.add(new Cl(session, msg));
                last = msg;
            } else if (next.startsWith("S:")) {
                els.add(new Sl(session, server(next, user), loc, last));
            } else if (next.startsWith("WAIT")) {
                els.add(new Sleep(Long.parseLong(next.substring(5).strip())));
            } else if (next.startsWith("AWAIT")) {
                els.add(new Sleep(2000));
            } else if (next.startsWith("REINIT")) {
                els.add(new Reinit(Math.max(0, session)));
            } else if (next.startsWith("SUB {")) {
                List<String> block = new ArrayList<>();
                while (!(next = lines.get(++n)).startsWith("}")) {
                    if (!next.startsWith("S:")) {
                        throw new IOException(fileName + ":" + (n + 1) + ": only S: lines in a SUB block");
                    }
                    block.add(server(next, user));
                }
                els.add(new Sub(session, block, loc, last));
            } else if (next.startsWith("SESSION:")) {
                session = Integer.parseInt(next.substring(8).strip());
            } else if (next.startsWith("#") || next.isBlank() || next.startsWith("LOG") || next.startsWith("TIMER")) {
                // ignored
            } else {
                throw new IOException(loc + ": unknown line: " + next);
            }
        }
        return els;
    }

    static String server(String line, String user) {
        return (line.length() > 3 ? line.substring(3) : "").replace("imapuser", user);
    }

    static List<El> prelude(Path dir, String kind, String user, boolean post) throws IOException {
        List<El> els = new ArrayList<>();
        String loc = "prelude:" + kind;
        if (!post && !kind.equals("none")) {
            els.add(new Sl(-1, "\\* OK.*", loc, "(greeting)")); // James expects its own greeting text here
        }
        if (!post && !kind.equals("none") && !kind.equals("welcome")) {
            els.add(new Cl(-1, "a001 LOGIN " + user + " password"));
            els.add(new Sl(-1, "a001 OK.*", loc, "a001 LOGIN"));
        }
        if (kind.equals("selected")) {
            els.addAll(parse(dir.resolve(post ? "SelectedStateCleanup.test" : "SelectedStateSetup.test"), user));
        } else if (kind.equals("inbox") && !post) {
            String last = "abcd SELECT inbox";
            els.add(new Cl(-1, last));
            for (String re : List.of("\\* OK \\[MAILBOXID \\(.+\\)\\] Ok",
                    "\\* FLAGS \\(\\\\Answered \\\\Deleted \\\\Draft \\\\Flagged \\\\Seen\\)",
                    "\\* \\d+ EXISTS", "\\* \\d+ RECENT", "\\* OK \\[UIDVALIDITY \\d+\\].*",
                    "\\* OK \\[PERMANENTFLAGS \\(\\\\Answered \\\\Deleted \\\\Draft \\\\Flagged \\\\\\Seen( \\\\\\*)?\\)\\].*",
                    "\\* OK \\[HIGHESTMODSEQ \\d+\\].*", "\\* OK \\[UIDNEXT 1\\].*",
                    "abcd OK \\[READ-WRITE\\] SELECT completed.")) {
                els.add(new Sl(-1, re, loc, last));
            }
        } else if (kind.equals("inbox")) {
            els.add(new Cl(-1, "a CLOSE"));
            els.add(new Sl(-1, ".*", loc, "a CLOSE"));
        }
        return els;
    }

    // ------------------------------------------------------------------ running

    static final class Conn {
        Socket socket;
        InputStream in;
        OutputStream out;
        /** A line read but not consumed: an optional expectation it did not match (--loose). */
        String pushedBack;

        void open() throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
            }
        }

        void write(String line) throws IOException {
            if (verbose) System.out.println("  C: " + line);
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** A line without its CRLF, or null at end of stream. */
        String read() throws IOException {
            if (pushedBack != null) {
                String s = pushedBack;
                pushedBack = null;
                return s;
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    byte[] a = b.toByteArray();
                    int len = a.length > 0 && a[a.length - 1] == '\r' ? a.length - 1 : a.length;
                    String s = new String(a, 0, len, StandardCharsets.UTF_8);
                    if (verbose) System.out.println("  S: " + s);
                    return s;
                }
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
        }
    }

    static void runCase(Path dir, String script, String kind, String user) throws Exception {
        List<El> pre = groupSelectData(prelude(dir, kind, user, false));
        List<El> test = groupSelectData(parse(dir.resolve(script + ".test"), user));
        List<El> post = groupSelectData(prelude(dir, kind, user, true));
        int sessions = 1;
        for (List<El> l : List.of(pre, test, post)) {
            for (El e : l) {
                int s = session(e);
                sessions = Math.max(sessions, s + 1);
            }
        }
        Conn[] conns = new Conn[sessions];
        try {
            for (int i = 0; i < sessions; i++) {
                conns[i] = new Conn();
                conns[i].open();
            }
            for (List<El> l : List.of(pre, test, post)) {
                for (El e : l) {
                    step(conns, e);
                }
            }
        } finally {
            for (Conn c : conns) {
                if (c != null && c.socket != null) c.close();
            }
        }
    }

    static int session(El e) {
        if (e instanceof Cl c) return c.s();
        if (e instanceof Sl c) return c.s();
        if (e instanceof Sub c) return c.s();
        if (e instanceof Cont c) return c.s();
        if (e instanceof Reinit c) return c.s();
        return -1;
    }

    static void step(Conn[] conns, El e) throws Exception {
        if (e instanceof Sleep s) {
            // the script itself asks for this pause (its wait line); there is no condition to wait for instead
            Thread.sleep(s.ms());
        } else if (e instanceof Reinit r) {
            conns[r.s()].close();
            conns[r.s()].open();
            conns[r.s()].read(); // the greeting
        } else if (e instanceof Cl c) {
            for (Conn conn : targets(conns, c.s())) conn.write(c.line());
        } else if (e instanceof Cont c) {
            String got = readOrFail(conns[Math.max(0, c.s())], c.loc(), "a continuation", "");
            if (!got.startsWith("+")) {
                throw new Failure(c.loc() + " expected a continuation, got '" + shorten(got) + "'");
            }
        } else if (e instanceof Sl s) {
            for (Conn conn : targets(conns, s.s())) {
                String got = readOrFail(conn, s.loc(), s.regex(), s.last());
                while (loose && got.startsWith("* OK [") && !matches(s.regex(), got)) {
                    // an informational response code James does not send here (RFC 7162 §3.1.2's HIGHESTMODSEQ)
                    got = readOrFail(conn, s.loc(), s.regex(), s.last());
                }
                if (!matches(s.regex(), got) && optional(s.regex())) {
                    conn.pushedBack = got; // the server did not send this optional line: match the next one
                } else if (!matches(s.regex(), got)) {
                    throw new Failure(s.loc() + " after '" + shorten(s.last()) + "': expected '" + s.regex()
                            + "' got '" + shorten(got) + "'");
                }
            }
        } else if (e instanceof Sub s) {
            for (Conn conn : targets(conns, s.s())) {
                List<String> left = new ArrayList<>(s.regexes());
                while (!left.isEmpty()) {
                    String got = readOrFail(conn, s.loc(), "one of " + left, s.last());
                    boolean found = false;
                    for (int i = 0; i < left.size(); i++) {
                        if (matches(left.get(i), got)) {
                            left.remove(i);
                            found = true;
                            break;
                        }
                    }
                    if (!found && loose && got.startsWith("* OK [")) {
                        continue; // a response code James does not send (HIGHESTMODSEQ, ...): informational
                    }
                    if (!found && left.removeIf(MptRun::optional)) {
                        conn.pushedBack = got; // try it again against what is left
                        continue;
                    }
                    if (!found) {
                        throw new Failure(s.loc() + " (SUB) after '" + shorten(s.last()) + "': expected one of "
                                + left + " got '" + shorten(got) + "'");
                    }
                }
            }
        }
    }

    static Conn[] targets(Conn[] conns, int s) {
        return s < 0 ? conns : new Conn[] {conns[s]};
    }

    static String readOrFail(Conn conn, String loc, String expected, String last) throws Exception {
        try {
            String got = conn.read();
            if (got == null) {
                throw new Failure(loc + " after '" + shorten(last) + "': expected '" + expected + "' got end of stream");
            }
            return got;
        } catch (SocketTimeoutException t) {
            throw new Failure(loc + " after '" + shorten(last) + "': expected '" + expected + "' got nothing ("
                    + timeoutMs + " ms)");
        }
    }

    static boolean matches(String regex, String actual) {
        try {
            if (Pattern.matches(regex, actual)) {
                return true;
            }
        } catch (PatternSyntaxException e) {
            return regex.equals(actual);
        }
        if (loose) {
            Matcher wantFlags = FLAG_LIST.matcher(unescape(regex));
            Matcher gotFlags = FLAG_LIST.matcher(actual);
            if (wantFlags.matches() && gotFlags.matches()) {
                return Set.of(wantFlags.group(1).split(" ")).equals(Set.of(gotFlags.group(1).split(" ")));
            }
            String literal = literalText(regex);
            if (literal != null && canonical(literal).equals(canonical(actual))) {
                return true;
            }
            Matcher want = TAGGED.matcher(regex.replace("\\", ""));
            Matcher got = TAGGED.matcher(actual);
            return want.matches() && got.matches() && want.group(1).equalsIgnoreCase(got.group(1))
                    && want.group(2).equals(got.group(2));
        }
        return false;
    }

    /** With --loose, runs of SELECT-style untagged expectations become one order-free SUB group. */
    static List<El> groupSelectData(List<El> els) {
        if (!loose) {
            return els;
        }
        List<El> out = new ArrayList<>();
        for (int i = 0; i < els.size(); ) {
            if (els.get(i) instanceof Sl first && SELECT_DATA.matcher(first.regex()).matches()) {
                List<String> run = new ArrayList<>();
                int j = i;
                while (j < els.size() && els.get(j) instanceof Sl s && s.s() == first.s()
                        && SELECT_DATA.matcher(s.regex()).matches()) {
                    run.add(s.regex());
                    j++;
                }
                out.add(run.size() == 1 ? first : new Sub(first.s(), run, first.loc(), first.last()));
                i = j;
            } else {
                out.add(els.get(i++));
            }
        }
        return out;
    }

    /** A script's regex as the literal text it stands for: {@code \\X} is X, {@code \\\\} a backslash. */
    static String unescape(String regex) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                c = regex.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    /** The text a regex stands for when it has no operator (every special character escaped), else null. */
    static String literalText(String regex) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 == regex.length() || Character.isLetterOrDigit(regex.charAt(i + 1))) {
                    return null; // \d, \S ...: a class, not a character
                }
                b.append(regex.charAt(++i));
            } else if (".*+?[](){}|^$".indexOf(c) >= 0) {
                return null;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A response line with what RFC 9051 leaves to the server made uniform (--loose): the flags of a FLAGS list in
     * sorted order (a set, §7.3.5/§7.5.2), and a mailbox name or string that is also an atom without its quotes
     * ({@code "statustest"} and {@code statustest} are one astring, §9).
     */
    static String canonical(String line) {
        Matcher m = FLAGS_ITEM.matcher(line);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String[] flags = m.group(1).isEmpty() ? new String[0] : m.group(1).split(" ");
            java.util.Arrays.sort(flags, String.CASE_INSENSITIVE_ORDER);
            m.appendReplacement(b, Matcher.quoteReplacement("FLAGS (" + String.join(" ", flags) + ")"));
        }
        m.appendTail(b);
        return QUOTED_ATOM.matcher(b).replaceAll("$1");
    }

    static boolean optional(String regex) {
        return loose && OPTIONAL_UNTAGGED.matcher(regex).matches();
    }

    static String shorten(String s) {
        return s == null ? "null" : s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
