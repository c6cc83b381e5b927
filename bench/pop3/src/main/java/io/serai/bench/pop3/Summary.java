package io.serai.bench.pop3;

import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/** Prints the Markdown summary table from the two result files. */
final class Summary {
    private Summary() {
    }

    static void print(Properties serai, Properties green) {
        System.out.println();
        System.out.println("| Measurement | Serai (median; min-max) | GreenMail 2.1.5, same run (median) | Serai / GreenMail"
                + " | Issue target | Meets | Dovecot, quoted from the issue (not measured here) | Serai / Dovecot |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        retr(serai, green, "retr1", "RETR 1,000 x 10 KB, 1 client", 6_000, 5_500);
        retr(serai, green, "retr1qa", "same, client re-arms TCP_QUICKACK", 6_000, 5_500);
        retr(serai, green, "retr8", "RETR 1,000 x 10 KB, 8 clients (8 accounts)", 15_000, 14_000);
        retr(serai, green, "retr8qa", "same, client re-arms TCP_QUICKACK", 15_000, 14_000);
        login(serai, green, "Logins (connect, USER, PASS, QUIT), 4 clients, 4 accounts, repeated (Serai: "
                + "verified-password cache hit)", median(rates(serai, "login4")), range(rates(serai, "login4")),
                median(rates(green, "login4")));
        login(serai, green, "same, client re-arms TCP_QUICKACK", median(rates(serai, "login4qa")),
                range(rates(serai, "login4qa")), median(rates(green, "login4qa")));
        double sc = Double.parseDouble(serai.getProperty("cold4.rate"));
        double gc = Double.parseDouble(green.getProperty("cold4.rate"));
        login(serai, green, "Logins, 4 clients, first login of each of " + serai.getProperty("cold4.count")
                + " accounts (Serai: full PBKDF2-HMAC-SHA-256, 4096 iterations)", sc, "one pass", gc);
        System.out.printf(Locale.ROOT, "| Correctness: RETRs octet-checked; octet mismatches; STAT mismatches; "
                + "protocol errors; byte-compare pass (u0, %d messages) | %s; %s; %s; %s; %s differ | %s; %s; %s; %s; "
                + "%s differ | | 0 | %s | | |%n", Pop3Bench.MESSAGES,
                serai.getProperty("retrChecked"), serai.getProperty("octetMismatches"),
                serai.getProperty("statMismatches"), serai.getProperty("errors"),
                serai.getProperty("verify.contentMismatches"),
                green.getProperty("retrChecked"), green.getProperty("octetMismatches"),
                green.getProperty("statMismatches"), green.getProperty("errors"),
                green.getProperty("verify.contentMismatches"),
                ok(serai) ? "yes" : "NO");
        for (Properties p : new Properties[] {serai, green}) {
            String s = p.getProperty("errorSamples", "");
            if (!s.isEmpty()) {
                System.out.println("error samples (" + p.getProperty("server") + "): " + s);
            }
        }
        System.out.println();
        System.out.println("MB = 10^6 octets of message content (unstuffed, CRLF counted). Per iteration (msg/s, logins/s), Serai: "
                + all(serai) + "; GreenMail: " + all(green) + ".");
    }

    private static void retr(Properties serai, Properties green, String key, String label, double target,
            double dovecot) {
        double[] s = rates(serai, key);
        double[] g = rates(green, key);
        double sm = median(s);
        double gm = median(g);
        System.out.printf(Locale.ROOT, "| %s | %,.0f msg/s (%,.1f MB/s); %s | %,.0f msg/s (%,.1f MB/s) | %.2fx | >= %,.0f msg/s"
                + " | %s | %,.0f msg/s | %.2fx |%n", label, sm, median(mb(serai, key)), range(s), gm,
                median(mb(green, key)), sm / gm, target, sm >= target ? "yes" : "no", dovecot, sm / dovecot);
    }

    private static void login(Properties serai, Properties green, String label, double s, String range, double g) {
        System.out.printf(Locale.ROOT, "| %s | %,.0f logins/s; %s | %,.0f logins/s | %.2fx | >= 400 logins/s | %s | "
                + "not quoted | - |%n", label, s, range, g, s / g, s >= 400 ? "yes" : "no");
    }

    private static boolean ok(Properties p) {
        return p.getProperty("errors").equals("0") && p.getProperty("octetMismatches").equals("0")
                && p.getProperty("statMismatches").equals("0") && p.getProperty("verify.contentMismatches").equals("0");
    }

    private static String all(Properties p) {
        StringBuilder sb = new StringBuilder();
        for (String k : new String[] {"retr1", "retr1qa", "retr8", "retr8qa", "login4", "login4qa"}) {
            sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" ").append(fmt(rates(p, k)));
        }
        return sb.toString();
    }

    static double[] rates(Properties p, String key) {
        return Arrays.stream(p.getProperty(key + ".rates").split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    static double[] mb(Properties p, String key) {
        return Arrays.stream(p.getProperty(key + ".second").split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    static String range(double[] v) {
        return String.format(Locale.ROOT, "%,.0f-%,.0f", Arrays.stream(v).min().orElse(0), Arrays.stream(v).max().orElse(0));
    }

    static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double d : v) {
            sb.append(sb.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%,.0f", d));
        }
        return sb.toString();
    }
}
