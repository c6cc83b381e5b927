package io.serai.imap.protocol.sort;

import java.util.Locale;

/**
 * The base subject of RFC 5256 §2.1, which SORT SUBJECT and both THREAD algorithms compare: the subject with its
 * reply and forward markers ("Re:", "Fwd:", "[list] Re:", "(fwd)", "[fwd: ...]") and surrounding white space taken
 * off. {@link #replyOrForward()} tells whether any such marker was found (REFERENCES step 5 needs it).
 *
 * @param text the base subject, encoded words already decoded, white space runs as one space
 */
public record BaseSubject(String text, boolean replyOrForward) {

    /** RFC 5256 §2.1 steps 1 to 6 on a subject whose encoded words are already decoded (step 1). */
    public static BaseSubject of(String subject) {
        String s = collapseWhiteSpace(subject);
        boolean marked = false;
        while (true) {
            // step 2: trailing "(fwd)" and white space
            String stripped = s.strip();
            s = stripTrailers(stripped);
            marked |= s.length() < stripped.length();
            // steps 3 to 5: leaders, then a blob if something is left after it, until neither applies
            while (true) {
                String afterLeader = stripLeaders(s);
                if (!afterLeader.equals(s)) {
                    // a leader is white space or ends in "re:"/"fw:"/"fwd:": any text in it is a marker
                    marked |= !s.substring(0, s.length() - afterLeader.length()).isBlank();
                    s = afterLeader;
                    continue;
                }
                int blobEnd = blobEnd(s, 0);
                if (blobEnd > 0 && !s.substring(blobEnd).isBlank()) {
                    s = s.substring(blobEnd);
                    continue;
                }
                break;
            }
            // step 6: "[fwd: subject]" is unwrapped and the whole procedure repeats
            if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1);
                marked = true;
                continue;
            }
            return new BaseSubject(s.strip(), marked);
        }
    }

    /** Step 1 (second half): tabs, folds and runs of white space become one space. */
    private static String collapseWhiteSpace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code subj-trailer = "(fwd)" / WSP}, removed repeatedly from the end. */
    private static String stripTrailers(String s) {
        String t = s;
        while (t.toLowerCase(Locale.ROOT).endsWith("(fwd)")) {
            t = t.substring(0, t.length() - 5).strip();
        }
        return t;
    }

    /** Step 3: every leading {@code subj-leader = (*subj-blob subj-refwd) / WSP}. */
    private static String stripLeaders(String s) {
        int pos = 0;
        while (true) {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
            int end = leaderEnd(s, pos);
            if (end < 0) {
                return s.substring(pos);
            }
            pos = end;
        }
    }

    /** The end of {@code *subj-blob subj-refwd} starting at {@code pos}, or -1 if there is none. */
    private static int leaderEnd(String s, int pos) {
        int p = pos;
        while (true) {
            int refwd = refwdEnd(s, p);
            if (refwd >= 0) {
                return refwd;
            }
            int blob = blobEnd(s, p);
            if (blob < 0) {
                return -1;
            }
            p = blob;
        }
    }

    /** {@code subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"}, case-insensitive; its end or -1. */
    private static int refwdEnd(String s, int pos) {
        int p;
        if (s.regionMatches(true, pos, "re", 0, 2)) {
            p = pos + 2;
        } else if (s.regionMatches(true, pos, "fwd", 0, 3)) {
            p = pos + 3;
        } else if (s.regionMatches(true, pos, "fw", 0, 2)) {
            p = pos + 2;
        } else {
            return -1;
        }
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        int blob = blobEnd(s, p);
        if (blob >= 0) {
            p = blob;
        }
        return p < s.length() && s.charAt(p) == ':' ? p + 1 : -1;
    }

    /** {@code subj-blob = "[" *BLOBCHAR "]" *WSP}, BLOBCHAR being anything but brackets; its end or -1. */
    private static int blobEnd(String s, int pos) {
        if (pos >= s.length() || s.charAt(pos) != '[') {
            return -1;
        }
        int p = pos + 1;
        while (p < s.length() && s.charAt(p) != ']') {
            if (s.charAt(p) == '[') {
                return -1;
            }
            p++;
        }
        if (p >= s.length()) {
            return -1;
        }
        p++;
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }
}
