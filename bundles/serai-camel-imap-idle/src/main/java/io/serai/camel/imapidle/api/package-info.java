/**
 * Hooks of the {@code imap-idle:} component that other bundles implement: {@link
 * io.serai.camel.imapidle.api.TokenSupplier} for token-based (XOAUTH2) log-in, shared by receiving and sending.
 */
@Export
@Version("1.0.0")
package io.serai.camel.imapidle.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
