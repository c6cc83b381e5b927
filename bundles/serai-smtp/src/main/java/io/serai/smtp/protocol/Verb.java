package io.serai.smtp.protocol;

/** The commands the server knows (RFC 5321 §4.1.1 and the ESMTP extensions it implements). */
public enum Verb {
    HELO, EHLO, MAIL, RCPT, DATA, BDAT, RSET, NOOP, QUIT, VRFY, EXPN, HELP, STARTTLS, AUTH
}
