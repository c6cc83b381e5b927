package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ResultRange;
import io.serai.imap.protocol.request.SearchReturn;

import java.util.Set;

/** The RETURN options of SEARCH or SORT as read, with the PARTIAL range if there is one (else null). */
record ReturnOptions(Set<SearchReturn> options, ResultRange partial) {
}
