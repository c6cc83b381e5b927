package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.CompressRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;

import java.util.List;

/**
 * COMPRESS DEFLATE (RFC 4978 §3): the OK goes out uncompressed, then the transport compresses both directions. A
 * second COMPRESS gets {@code NO [COMPRESSIONACTIVE]}; other algorithms, or a transport that cannot compress, BAD.
 */
final class CompressProcessor implements CommandProcessor<CompressRequest> {

    @Override
    public void process(CompressRequest request, ImapSession session, List<ImapResponse> out) {
        if (session.compressionActive()) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.of("COMPRESSIONACTIVE"), "DEFLATE active"));
        } else if (!request.mechanism().equals("DEFLATE") || !session.compressionAvailable()) {
            out.add(StatusResponse.bad(request.tag(), "Unsupported compression mechanism"));
        } else {
            session.compressionRequested();
            out.add(StatusResponse.ok(request.tag(), "DEFLATE active"));
        }
    }
}
