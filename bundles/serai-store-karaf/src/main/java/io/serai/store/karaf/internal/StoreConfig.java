package io.serai.store.karaf.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Serai mailbox store",
        description = "The embedded mailbox store that SMTP delivers into and POP3/IMAP serve")
@interface StoreConfig {

    @AttributeDefinition(description = "Directory of the store; empty means ${karaf.data}/serai/store")
    String dataDirectory() default "";

    @AttributeDefinition(description = "ALWAYS forces every commit to disk before it is acknowledged (group "
            + "commit); NEVER survives a process crash but not a power loss, for tests and benchmarks only",
            options = {@Option(value = "ALWAYS"), @Option(value = "NEVER")})
    String fsync() default "ALWAYS";

    @AttributeDefinition(description = "Domains that are local: created at start when missing")
    String[] domains() default {"localhost"};

    @AttributeDefinition(description = "Default mailbox quota of new accounts in octets; 0 means no limit")
    long defaultQuotaOctets() default 0;

    @AttributeDefinition(description = "Default quota of new accounts in messages; 0 means no limit")
    long defaultQuotaMessages() default 0;
}
