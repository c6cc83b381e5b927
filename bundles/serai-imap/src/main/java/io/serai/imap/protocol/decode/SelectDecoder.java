package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.SelectRequest;
import io.serai.imap.protocol.request.SequenceSet;

import java.util.Locale;

/**
 * {@code ("SELECT" / "EXAMINE") SP mailbox [SP "(" select-param *(SP select-param) ")"]} (RFC 9051 §6.3.2) with the
 * select-params {@code CONDSTORE} (RFC 7162 §3.1.8) and {@code QRESYNC (uidvalidity mod-sequence [known-uids
 * [(seq-match-data)]])} (RFC 7162 §3.2.5, §7).
 */
final class SelectDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        String mailbox = MailboxNames.decode(in.astring(), utf8);
        boolean condstore = false;
        SelectRequest.Qresync qresync = null;
        if (in.tryConsume(' ')) {
            in.expect('(');
            do {
                String param = in.atom().toUpperCase(Locale.ROOT);
                if (param.equals("CONDSTORE") && !condstore) {
                    condstore = true;
                } else if (param.equals("QRESYNC") && qresync == null) {
                    in.sp();
                    qresync = qresync(in);
                } else {
                    throw in.error("Unsupported or repeated select parameter " + param);
                }
            } while (in.tryConsume(' '));
            in.expect(')');
        }
        in.end();
        return new SelectRequest(tag, mailbox, command.equals("EXAMINE"), condstore, qresync);
    }

    private static SelectRequest.Qresync qresync(ArgumentReader in) throws DecodeException {
        in.expect('(');
        long uidValidity = in.nzNumber();
        in.sp();
        long modSeq = in.nzNumber();
        SequenceSet known = null;
        if (in.tryConsume(' ')) {
            if (in.peek() != '(') {
                known = in.sequenceSet();
                if (known.savedResult()) {
                    throw in.error("$ is not a known-uids set");
                }
            }
            if (known == null || in.tryConsume(' ')) {
                // seq-match-data = "(" known-sequence-set SP known-uid-set ")": read, not used
                in.expect('(');
                in.sequenceSet();
                in.sp();
                in.sequenceSet();
                in.expect(')');
            }
        }
        in.expect(')');
        return new SelectRequest.Qresync(uidValidity, modSeq, known);
    }
}
