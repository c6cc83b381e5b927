package io.serai.imap.protocol.response;

/**
 * {@code tag SP resp-cond-state} or an untagged {@code * OK/NO/BAD/PREAUTH/BYE} (RFC 9051 §7.1).
 *
 * @param tag  the command tag, or {@code null} for an untagged response
 * @param code the response code, or {@code null}
 */
public record StatusResponse(String tag, Status status, ResponseCode code, String text) implements ImapResponse {

    public static StatusResponse ok(String tag, String text) {
        return new StatusResponse(tag, Status.OK, null, text);
    }

    public static StatusResponse ok(String tag, ResponseCode code, String text) {
        return new StatusResponse(tag, Status.OK, code, text);
    }

    public static StatusResponse no(String tag, ResponseCode code, String text) {
        return new StatusResponse(tag, Status.NO, code, text);
    }

    public static StatusResponse bad(String tag, String text) {
        return new StatusResponse(tag, Status.BAD, null, text);
    }

    public static StatusResponse untagged(Status status, ResponseCode code, String text) {
        return new StatusResponse(null, status, code, text);
    }
}
