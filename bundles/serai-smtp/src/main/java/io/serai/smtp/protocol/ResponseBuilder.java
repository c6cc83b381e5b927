package io.serai.smtp.protocol;

import io.serai.smtp.api.SmtpReply;
import java.util.ArrayList;
import java.util.List;

/** Collects the replies and the action of one session step, then encodes them into a {@link Response}. */
final class ResponseBuilder {

    private List<SmtpReply> replies = new ArrayList<>();
    private Response.Action action = Response.Action.CONTINUE;
    private Response.Delivery delivery;
    private boolean throttled;

    void reply(SmtpReply reply) {
        replies.add(reply);
    }

    void action(Response.Action value) {
        action = value;
    }

    void deliver(Response.Delivery value) {
        action = Response.Action.DELIVER;
        delivery = value;
    }

    void throttle() {
        throttled = true;
    }

    /** Encodes what was collected and starts afresh. */
    Response build(boolean enhancedStatusCodes) {
        Response response = new Response(ReplyEncoder.encodeAll(replies, enhancedStatusCodes), action, delivery,
                throttled);
        replies = new ArrayList<>();
        action = Response.Action.CONTINUE;
        delivery = null;
        throttled = false;
        return response;
    }
}
