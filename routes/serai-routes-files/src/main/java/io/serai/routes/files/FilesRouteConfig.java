package io.serai.routes.files;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/io.serai.routes.files.cfg; without it the route is off. */
@ObjectClassDefinition(name = "Serai route: mail to files",
        description = "Saves each message arriving in a folder as .eml, its attachments, and a JSON index")
@interface FilesRouteConfig {

    @AttributeDefinition(description = "The folder to archive: account/Folder/Path, e.g. alice@example.org/Archive "
            + "(INBOX when only the account is given)")
    String mailbox();

    @AttributeDefinition(description = "Directory the messages are written to; empty: ${karaf.data}/serai-files")
    String directory() default "";

    @AttributeDefinition(description = "After a message is saved: none, seen, flag:<flags>, move:<Folder> or delete")
    String onCompletion() default "seen";

    @AttributeDefinition(description = "On the first start, also archive the messages already in the folder")
    boolean fromStart() default false;

    @AttributeDefinition(description = "Most attachments extracted per message; the rest are listed as skipped")
    int maxAttachments() default 100;

    @AttributeDefinition(description = "Largest attachment extracted, in octets after decoding; larger ones are "
            + "listed as skipped (the .eml still holds them)")
    long maxAttachmentSize() default 26_214_400L;
}
