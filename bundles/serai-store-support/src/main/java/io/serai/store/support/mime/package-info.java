/** Parsing a message once at append: envelope, header index and body structure (with byte offsets), and their compact encoding. For store implementations, not for their callers. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.store.support.mime;
