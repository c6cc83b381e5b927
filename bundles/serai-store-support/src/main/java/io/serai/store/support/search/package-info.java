/** SEARCH keys evaluated against stored structure and content, for whatever a store cannot answer from its own indexes. For store implementations, not for their callers. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.serai.store.support.search;
