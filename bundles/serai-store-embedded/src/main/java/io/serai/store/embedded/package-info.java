/** The embedded store: configuration and the factory. The implementation is private to the bundle. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.store.embedded;
