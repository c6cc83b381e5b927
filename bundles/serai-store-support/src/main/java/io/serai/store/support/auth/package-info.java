/** SCRAM-SHA-256 credentials (RFC 5802, RFC 7677): hashing new passwords and verifying plain ones, with a cache of recent successes. For store implementations, not for their callers. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.store.support.auth;
