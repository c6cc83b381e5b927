/** Canonical account, domain and mailbox names, and recipient resolution (aliases, sub-addressing, catch-all). For store implementations, not for their callers. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.store.support.names;
