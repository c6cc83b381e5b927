/**
 * The behaviour every {@link io.serai.store.api.MailStore} has, as abstract JUnit 5 tests: a store implementation's
 * test module extends each contract with a {@link io.serai.store.tck.StoreFixture}.
 */
package io.serai.store.tck;
