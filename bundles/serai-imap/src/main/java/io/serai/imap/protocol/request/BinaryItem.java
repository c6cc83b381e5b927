package io.serai.imap.protocol.request;

import java.util.List;

/**
 * {@code BINARY[part]<partial>}, {@code BINARY.PEEK[...]} and {@code BINARY.SIZE[part]} (RFC 3516, RFC 9051
 * §6.4.5): a part with its Content-Transfer-Encoding removed.
 *
 * @param partial the requested range, or {@code null}
 * @param size    whether this is BINARY.SIZE
 */
public record BinaryItem(List<Integer> part, boolean peek, Partial partial, boolean size) implements FetchItem {

    public BinaryItem {
        part = List.copyOf(part);
    }

    @Override
    public boolean setsSeen() {
        return !peek && !size;
    }
}
