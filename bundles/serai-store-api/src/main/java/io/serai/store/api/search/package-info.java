/** Composable SEARCH keys (RFC 3501 section 6.4.4, RFC 7162 MODSEQ). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.serai.store.api.search;
