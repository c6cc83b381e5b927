package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.SearchCriterion;

/** Reads the arguments of one SEARCH key; the reader stands just after the key's name. */
@FunctionalInterface
interface SearchKeyReader {

    SearchCriterion read(ArgumentReader in, Nested nested) throws DecodeException;

    /** Reads a nested key one level deeper (NOT, OR), so nesting stays bounded. */
    @FunctionalInterface
    interface Nested {
        SearchCriterion key() throws DecodeException;
    }
}
