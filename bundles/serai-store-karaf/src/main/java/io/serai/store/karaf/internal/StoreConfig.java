package io.serai.store.karaf.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Serai mailbox store",
        description = "The mailbox store that SMTP delivers into and POP3/IMAP serve: embedded (one node) or "
                + "PostgreSQL (several nodes sharing one database)")
@interface StoreConfig {

    @AttributeDefinition(description = "embedded: files in dataDirectory, one node; postgres: a PostgreSQL "
            + "database shared by every node that points at it",
            options = {@Option(value = "embedded"), @Option(value = "postgres")})
    String type() default "embedded";

    @AttributeDefinition(description = "embedded: directory of the store; empty means ${karaf.data}/serai/store")
    String dataDirectory() default "";

    @AttributeDefinition(description = "embedded: ALWAYS forces every commit to disk before it is acknowledged "
            + "(group commit); NEVER survives a process crash but not a power loss, for tests and benchmarks only",
            options = {@Option(value = "ALWAYS"), @Option(value = "NEVER")})
    String fsync() default "ALWAYS";

    @AttributeDefinition(description = "postgres: jdbc:postgresql://host:port/database")
    String jdbcUrl() default "jdbc:postgresql://127.0.0.1:5432/serai";

    @AttributeDefinition(description = "postgres: database role (it must be allowed to create tables in the schema)")
    String user() default "serai";

    @AttributeDefinition(description = "postgres: the role's password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "postgres: schema holding Serai's tables; created and migrated at start")
    String schema() default "serai";

    @AttributeDefinition(description = "postgres: most database connections this node opens")
    int poolSize() default 16;

    @AttributeDefinition(description = "postgres: seconds a dead node's leases and queue claims last before "
            + "another node takes over (failover time)")
    int leaseSeconds() default 30;

    @AttributeDefinition(description = "postgres: MiB of message heads and structures cached in memory")
    int contentCacheMegabytes() default 64;

    @AttributeDefinition(description = "postgres: this node's name in leases, claims and logs; empty means host "
            + "name plus a random suffix")
    String nodeId() default "";

    @AttributeDefinition(description = "Domains that are local: created at start when missing")
    String[] domains() default {"localhost"};

    @AttributeDefinition(description = "Default mailbox quota of new accounts in octets; 0 means no limit")
    long defaultQuotaOctets() default 0;

    @AttributeDefinition(description = "Default quota of new accounts in messages; 0 means no limit")
    long defaultQuotaMessages() default 0;
}
