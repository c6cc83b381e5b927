/** Parsed message metadata computed once at append (envelope, header index, body structure). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.store.api.mime;
