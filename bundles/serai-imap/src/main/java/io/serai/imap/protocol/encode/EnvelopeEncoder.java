package io.serai.imap.protocol.encode;

import io.serai.store.api.mime.Envelope;

import java.util.List;
import java.util.Optional;

/**
 * {@code envelope} (RFC 9051 §7.5.2, RFC 3501 §7.4.2): date, subject, from, sender, reply-to, to, cc, bcc,
 * in-reply-to, message-id. Sender and Reply-To default to From when absent or empty; an absent or empty address
 * list is NIL.
 */
final class EnvelopeEncoder {

    private EnvelopeEncoder() {
    }

    static void write(ImapWriter w, Envelope e) {
        List<Address> from = addresses(e.from());
        w.raw("(");
        w.nstringOctets(e.date().orElse(null)).sp();
        w.nstringOctets(e.subject().orElse(null)).sp();
        addressList(w, from).sp();
        List<Address> sender = addresses(e.sender());
        addressList(w, sender.isEmpty() ? from : sender).sp();
        List<Address> replyTo = addresses(e.replyTo());
        addressList(w, replyTo.isEmpty() ? from : replyTo).sp();
        addressList(w, addresses(e.to())).sp();
        addressList(w, addresses(e.cc())).sp();
        addressList(w, addresses(e.bcc())).sp();
        w.nstringOctets(e.inReplyTo().orElse(null)).sp();
        w.nstringOctets(e.messageId().orElse(null));
        w.raw(")");
    }

    private static List<Address> addresses(Optional<byte[]> value) {
        return value.map(AddressListParser::parse).orElse(List.of());
    }

    private static ImapWriter addressList(ImapWriter w, List<Address> list) {
        if (list.isEmpty()) {
            return w.nil();
        }
        w.raw("(");
        for (Address a : list) {
            w.raw("(").nstringOctets(a.name()).sp().nstringOctets(a.adl()).sp().nstringOctets(a.mailbox()).sp().nstringOctets(a.host())
                    .raw(")");
        }
        return w.raw(")");
    }
}
