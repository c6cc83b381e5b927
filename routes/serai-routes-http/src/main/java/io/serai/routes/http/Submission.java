package io.serai.routes.http;

import java.util.List;

/** Hands a built message to the mail system, as an authenticated SMTP submission would. */
interface Submission {

    /** Returns once the message is durable for every recipient (stored locally or queued for the relay). */
    void submit(String sender, List<String> recipients, byte[] message) throws Exception;
}
