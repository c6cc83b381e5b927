/** Parsing a message once at append: envelope, header index and body structure (with byte offsets), and their compact encoding; and the base64 conversion of NUL-bearing parts at APPEND. For store implementations and the protocol servers, not for Camel routes. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.store.support.mime;
