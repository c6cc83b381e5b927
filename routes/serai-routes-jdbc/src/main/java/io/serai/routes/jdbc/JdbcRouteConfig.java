package io.serai.routes.jdbc;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/io.serai.routes.jdbc.cfg; without it the route is off. */
@ObjectClassDefinition(name = "Serai route: mail to database",
        description = "Stores each message arriving in a folder as rows of a JDBC table (H2 embedded by default)")
@interface JdbcRouteConfig {

    @AttributeDefinition(description = "The folder to store: account/Folder/Path, e.g. alice@example.org/Orders")
    String mailbox();

    @AttributeDefinition(description = "osgi.jndi.service.name of a javax.sql.DataSource service (e.g. PostgreSQL "
            + "through pax-jdbc); empty: the embedded H2 database at url", required = false)
    String dataSource() default "";

    @AttributeDefinition(description = "H2 JDBC URL when no dataSource is named; empty: "
            + "jdbc:h2:file:${karaf.data}/serai-mail-db/mail", required = false)
    String url() default "";

    @AttributeDefinition(description = "User for the H2 URL", required = false)
    String user() default "sa";

    @AttributeDefinition(description = "Password for the H2 URL", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(description = "Prefix of the table names (<prefix>message, <prefix>attachment)")
    String tablePrefix() default "serai_";

    @AttributeDefinition(description = "After a message is stored: none, seen, flag:<flags>, move:<Folder> or delete")
    String onCompletion() default "seen";

    @AttributeDefinition(description = "On the first start, also store the messages already in the folder")
    boolean fromStart() default false;

    @AttributeDefinition(description = "Largest attachment whose bytes are stored, in octets; larger ones get a "
            + "row with name, type, size and SHA-256 but no content")
    long maxAttachmentSize() default 10_485_760L;
}
