package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;

/** Decodes the arguments of one command; the reader stands just after the command name. */
interface CommandDecoder {

    ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException;
}
