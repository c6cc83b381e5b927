/**
 * Coordination between the nodes that share one store: expiring leases (one holder at a time, taken over when a
 * node dies), small shared records, and durable work queues whose entries one node claims at a time.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.store.api.cluster;
