package io.serai.bench.pop3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Prints the Markdown summary table: Serai and each baseline measured in the same run (GreenMail, and Dovecot where
 * it ran), with Serai's ratio to each. Issue #15 asks for at least 1.1x Dovecot at 1 and 8 clients.
 */
final class Summary {
    private Summary() {
    }

    static void print(Properties serai, List<Properties> baselines) {
        StringBuilder head = new StringBuilder("| Measurement | Serai (median; min-max) |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (Properties b : baselines) {
            head.append(' ').append(b.getProperty("server")).append(", same run (median) | Serai / ")
                    .append(b.getProperty("label")).append(" |");
            rule.append("---|---|");
        }
        System.out.println();
        System.out.println(head);
        System.out.println(rule);
        retr(serai, baselines, "retr1", "RETR 1,000 x 10 KB, 1 client");
        retr(serai, baselines, "retr1qa", "same, client re-arms TCP_QUICKACK");
        retr(serai, baselines, "retr8", "RETR 1,000 x 10 KB, 8 clients (8 accounts)");
        retr(serai, baselines, "retr8qa", "same, client re-arms TCP_QUICKACK");
        login(serai, baselines, "login4", "Logins (connect, USER, PASS, QUIT), 4 clients, 4 accounts, repeated");
        login(serai, baselines, "login4qa", "same, client re-arms TCP_QUICKACK");
        StringBuilder cold = new StringBuilder("| Logins, 4 clients, first login of each of "
                + serai.getProperty("cold4.count") + " accounts | " + rate(serai.getProperty("cold4.rate"))
                + " logins/s |");
        double sc = Double.parseDouble(serai.getProperty("cold4.rate"));
        for (Properties b : baselines) {
            double bc = Double.parseDouble(b.getProperty("cold4.rate"));
            cold.append(' ').append(rate(b.getProperty("cold4.rate"))).append(" logins/s | ")
                    .append(String.format(Locale.ROOT, "%.2fx", sc / bc)).append(" |");
        }
        System.out.println(cold);
        StringBuilder correct = new StringBuilder("| Correctness: RETRs octet-checked; octet mismatches; STAT mismatches;"
                + " protocol errors; byte-compare pass (u0, " + Pop3Bench.MESSAGES + " messages) | " + correctness(serai)
                + " |");
        for (Properties b : baselines) {
            correct.append(' ').append(correctness(b)).append(" | |");
        }
        System.out.println(correct);
        List<Properties> all = new ArrayList<>();
        all.add(serai);
        all.addAll(baselines);
        for (Properties p : all) {
            String e = p.getProperty("errorSamples", "");
            if (!e.isEmpty()) {
                System.out.println("error samples (" + p.getProperty("server") + "): " + e);
            }
        }
        System.out.println();
        StringBuilder per = new StringBuilder("MB = 10^6 octets of message content (unstuffed, CRLF counted). Per "
                + "iteration (msg/s, logins/s), Serai: " + all(serai));
        for (Properties b : baselines) {
            per.append("; ").append(b.getProperty("label")).append(": ").append(all(b));
        }
        System.out.println(per.append('.'));
    }

    private static void retr(Properties serai, List<Properties> baselines, String key, String label) {
        double[] s = rates(serai, key);
        double sm = median(s);
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %,.0f msg/s (%,.1f MB/s); %s |",
                label, sm, median(mb(serai, key)), range(s)));
        for (Properties b : baselines) {
            double bm = median(rates(b, key));
            row.append(String.format(Locale.ROOT, " %,.0f msg/s (%,.1f MB/s) | %.2fx |", bm, median(mb(b, key)),
                    sm / bm));
        }
        System.out.println(row);
    }

    private static void login(Properties serai, List<Properties> baselines, String key, String label) {
        double sm = median(rates(serai, key));
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %,.0f logins/s; %s |", label, sm,
                range(rates(serai, key))));
        for (Properties b : baselines) {
            double bm = median(rates(b, key));
            row.append(String.format(Locale.ROOT, " %,.0f logins/s | %.2fx |", bm, sm / bm));
        }
        System.out.println(row);
    }

    private static String rate(String v) {
        return String.format(Locale.ROOT, "%,.0f", Double.parseDouble(v));
    }

    private static String correctness(Properties p) {
        return p.getProperty("retrChecked") + "; " + p.getProperty("octetMismatches") + "; "
                + p.getProperty("statMismatches") + "; " + p.getProperty("errors") + "; "
                + p.getProperty("verify.contentMismatches") + " differ" + (ok(p) ? "" : " (NOT OK)");
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
