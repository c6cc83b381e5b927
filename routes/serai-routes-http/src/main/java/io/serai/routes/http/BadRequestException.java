package io.serai.routes.http;

/** A request the client has to fix; the message is returned to it as is (400). */
final class BadRequestException extends Exception {

    BadRequestException(String message) {
        super(message);
    }
}
