package io.serai.store.api;

/** The account's quota would be exceeded (RFC 9208 OVERQUOTA; SMTP 552 per RFC 5321 section 4.5.3.1.10). */
public class QuotaExceededException extends StoreException {
    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message) {
        super(message);
    }
}
