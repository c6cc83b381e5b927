package io.serai.imap.protocol.request;

/**
 * {@code BODY[section]<partial>}, {@code BODY.PEEK[...]} and the RFC822 forms that mean the same (RFC 9051 §6.4.5):
 * RFC822 = BODY[], RFC822.HEADER = BODY.PEEK[HEADER], RFC822.TEXT = BODY[TEXT]; the response keeps the RFC822 name.
 *
 * @param partial the requested range, or {@code null}
 * @param alias   {@code RFC822}, {@code RFC822.HEADER} or {@code RFC822.TEXT}, or {@code null} for BODY[...]
 */
public record BodySectionItem(Section section, boolean peek, Partial partial, String alias) implements FetchItem {

    public static BodySectionItem body(Section section, boolean peek, Partial partial) {
        return new BodySectionItem(section, peek, partial, null);
    }

    @Override
    public boolean setsSeen() {
        return !peek;
    }
}
