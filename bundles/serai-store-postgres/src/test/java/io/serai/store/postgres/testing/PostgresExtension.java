package io.serai.store.postgres.testing;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One PostgreSQL server for every test class of a test run that uses this extension, started on first use and
 * stopped when the run ends (kept in the root extension store, not in a static). Tests get it as a
 * {@link PostgresServer} parameter and isolate themselves with their own database or schema. It runs with
 * {@code fsync=off}: these tests are about behaviour; durability tests start their own server.
 */
public final class PostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> new Shared(), Shared.class).server;
    }

    /** Closed by JUnit when the root context closes. */
    private static final class Shared implements ExtensionContext.Store.CloseableResource {
        final PostgresServer server;

        Shared() {
            try {
                server = PostgresServer.start(Map.of("fsync", "off", "synchronous_commit", "on"));
            } catch (IOException e) {
                throw new IllegalStateException("PostgreSQL test server did not start", e);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
