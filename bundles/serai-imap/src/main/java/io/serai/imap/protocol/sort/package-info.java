/**
 * SORT and THREAD (RFC 5256, RFC 5957) as plain functions over {@link io.serai.imap.protocol.sort.SortFacts}: the
 * i;unicode-casemap collation (RFC 5051), base subject extraction (RFC 5256 §2.1), the sort order and the
 * ORDEREDSUBJECT and REFERENCES thread algorithms. Nothing here reads the store or knows the wire format.
 */
package io.serai.imap.protocol.sort;
