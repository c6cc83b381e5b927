/** Delivery of committed store events to listeners, off the committing thread and in order. For store implementations. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.store.support.event;
