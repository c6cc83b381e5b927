package io.serai.store.api.search;

/** BODY (body text only) or TEXT (header and body). Bodies are decoded by transfer encoding and charset. */
public record TextKey(Scope scope, String value) implements SearchKey {
    public enum Scope { BODY, TEXT }
}
