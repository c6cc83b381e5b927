package io.serai.routes.jdbc;

import java.io.InputStream;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.serai.camel.mailbox.MailboxConstants;
import io.serai.camel.mailbox.mime.MessageParts;
import io.serai.store.api.MailStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ComponentResolver;
import org.h2.jdbcx.JdbcDataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Route {@code serai-jdbc}: each message arriving in the configured folder becomes a row of
 * {@code <prefix>message} plus one row per attachment, in one transaction. The schema is created when the route
 * is configured. The {@code mailbox:} consumer commits only after the transaction; a message offered again after
 * a crash finds its row and is skipped.
 *
 * <p>Why not camel-sql: the message row and its attachment rows must commit together, and camel-sql runs one
 * statement per exchange with no transaction manager here. The route stays a Camel route (a {@code mailbox:}
 * consumer) and writes through plain JDBC in one processor.
 */
@Component(configurationPid = JdbcRoute.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = RoutesBuilder.class, property = "serai.route=jdbc")
@Designate(ocd = JdbcRouteConfig.class)
public final class JdbcRoute extends RouteBuilder {

    static final String PID = "io.serai.routes.jdbc";
    static final String ROUTE_ID = "serai-jdbc";
    /** Output header: whether the message was written (false: it was there already). */
    static final String WRITTEN = "SeraiJdbcWritten";

    private final String fromUri;
    private final String dataSourceName;
    private final DataSource embedded;
    private final String tablePrefix;
    private final MessageParser parser;
    private MailTables tables;

    @Activate
    public JdbcRoute(JdbcRouteConfig config,
                     @Reference(target = "(osgi.jndi.service.name=seraiStore)") MailStore store,
                     @Reference(target = "(component=mailbox)") ComponentResolver mailboxComponent) {
        this(fromUri(config.mailbox(), "seraiStore", config.onCompletion(), config.fromStart(), dataDirectory()),
                config.dataSource(), config.dataSource().isBlank() ? h2(config) : null, config.tablePrefix(),
                config.maxAttachmentSize());
    }

    /**
     * @param dataSourceName a DataSource bean in the Camel registry (an OSGi service in Karaf), or blank
     * @param embedded       the DataSource used when no name is given
     */
    JdbcRoute(String fromUri, String dataSourceName, DataSource embedded, String tablePrefix, long maxAttachmentSize) {
        this.fromUri = fromUri;
        this.dataSourceName = dataSourceName;
        this.embedded = embedded;
        this.tablePrefix = tablePrefix;
        this.parser = new MessageParser(maxAttachmentSize);
    }

    static String fromUri(String mailbox, String storeBean, String onCompletion, boolean fromStart, Path data) {
        if (mailbox == null || mailbox.isBlank()) {
            throw new IllegalArgumentException(PID + ": mailbox is required, e.g. alice@example.org/Orders");
        }
        // its own state directory: a files route on the same folder keeps its own position
        return "mailbox:" + mailbox.strip() + "?store=#" + storeBean + "&onCompletion=" + onCompletion
                + "&fromStart=" + fromStart + "&stateDirectory=" + data.resolve("serai-routes/jdbc-state");
    }

    private static Path dataDirectory() {
        return Path.of(System.getProperty("karaf.data", "data"));
    }

    private static DataSource h2(JdbcRouteConfig config) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(config.url().isBlank()
                ? "jdbc:h2:file:" + dataDirectory().resolve("serai-mail-db/mail").toAbsolutePath() : config.url());
        h2.setUser(config.user());
        h2.setPassword(config.password());
        return h2;
    }

    @Override
    public void configure() throws Exception {
        DataSource dataSource = dataSourceName == null || dataSourceName.isBlank() ? embedded
                : getContext().getRegistry().lookupByNameAndType(dataSourceName, DataSource.class);
        if (dataSource == null) {
            throw new IllegalStateException(PID + ": no DataSource named " + dataSourceName);
        }
        tables = new MailTables(dataSource, tablePrefix);
        tables.createSchema();
        from(fromUri).routeId(ROUTE_ID).process(this::store);
    }

    private void store(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        byte[] raw;
        try (InputStream body = in.getMandatoryBody(InputStream.class)) {
            raw = body.readAllBytes();
        }
        MailRow row = parser.parse(raw, MessageParts.of(exchange), in.getHeader(MailboxConstants.ACCOUNT, String.class),
                in.getHeader(MailboxConstants.FOLDER, String.class),
                in.getHeader(MailboxConstants.UID_VALIDITY, Long.class),
                in.getHeader(MailboxConstants.UID, Long.class));
        in.setHeader(WRITTEN, tables.store(row));
    }
}
