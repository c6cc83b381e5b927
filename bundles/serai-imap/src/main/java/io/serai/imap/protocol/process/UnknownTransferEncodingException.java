package io.serai.imap.protocol.process;

/** BINARY of a part whose Content-Transfer-Encoding the server cannot decode: NO [UNKNOWN-CTE] (RFC 3516 §4.3). */
final class UnknownTransferEncodingException extends Exception {

    private static final long serialVersionUID = 1L;

    UnknownTransferEncodingException(String encoding) {
        super("Unknown Content-Transfer-Encoding " + encoding, null, false, false);
    }
}
