/** The PostgreSQL mailbox store: configuration and factory. Several Serai nodes may share one database. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.store.postgres;
