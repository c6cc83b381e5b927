package io.serai.routes.files;

import java.io.InputStream;
import java.nio.file.Path;

import io.serai.camel.mailbox.MailboxConstants;
import io.serai.camel.mailbox.mime.MessageParts;
import io.serai.store.api.MailStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ComponentResolver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Route {@code serai-files}: each message arriving in the configured folder is saved by {@link MessageArchiver}.
 * The {@code mailbox:} consumer commits (by default: marks the message seen) only after the files are in place,
 * and offers a message again after a crash; the archive directory is named by UIDVALIDITY+UID, so that copy
 * replaces the first one.
 */
@Component(configurationPid = FilesRoute.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = RoutesBuilder.class, property = "serai.route=files")
@Designate(ocd = FilesRouteConfig.class)
public final class FilesRoute extends RouteBuilder {

    static final String PID = "io.serai.routes.files";
    static final String ROUTE_ID = "serai-files";

    private final String fromUri;
    private final MessageArchiver archiver;

    @Activate
    public FilesRoute(FilesRouteConfig config,
                      @Reference(target = "(osgi.jndi.service.name=seraiStore)") MailStore store,
                      @Reference(target = "(component=mailbox)") ComponentResolver mailboxComponent) {
        this(fromUri(config.mailbox(), "seraiStore", config.onCompletion(), config.fromStart(), dataDirectory()),
                config.directory().isBlank() ? dataDirectory().resolve("serai-files") : Path.of(config.directory()),
                new ArchiveLimits(config.maxAttachments(), config.maxAttachmentSize()));
    }

    FilesRoute(String fromUri, Path directory, ArchiveLimits limits) {
        this.fromUri = fromUri;
        this.archiver = new MessageArchiver(directory, limits);
    }

    /**
     * The consumer URI. Its own state directory: another route reading the same folder (e.g. to a database)
     * must not share this route's position (serai-camel-mailbox README, "Constraint").
     */
    static String fromUri(String mailbox, String storeBean, String onCompletion, boolean fromStart, Path data) {
        if (mailbox == null || mailbox.isBlank()) {
            throw new IllegalArgumentException(PID + ": mailbox is required, e.g. alice@example.org/Archive");
        }
        return "mailbox:" + mailbox.strip() + "?store=#" + storeBean + "&onCompletion=" + onCompletion
                + "&fromStart=" + fromStart + "&stateDirectory=" + data.resolve("serai-routes/files-state");
    }

    static Path dataDirectory() {
        return Path.of(System.getProperty("karaf.data", "data"));
    }

    @Override
    public void configure() {
        from(fromUri).routeId(ROUTE_ID).process(this::archive);
    }

    private void archive(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        MessageRef ref = new MessageRef(in.getHeader(MailboxConstants.ACCOUNT, String.class),
                in.getHeader(MailboxConstants.FOLDER, String.class),
                in.getHeader(MailboxConstants.UID_VALIDITY, Long.class),
                in.getHeader(MailboxConstants.UID, Long.class));
        Path saved = archiver.archive(in.getMandatoryBody(InputStream.class), MessageParts.of(exchange), ref);
        in.setHeader(Exchange.FILE_NAME_PRODUCED, saved.toString());
    }
}
