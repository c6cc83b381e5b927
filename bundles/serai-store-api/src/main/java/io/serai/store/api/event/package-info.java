/** Change events published by a store, delivered in order per mailbox. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.store.api.event;
