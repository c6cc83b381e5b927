package io.serai.imap.protocol.process;

import io.serai.store.api.ContentRegion;
import io.serai.store.api.MessageContent;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.mime.MessageStructure;

import java.io.IOException;
import java.io.InputStream;

/**
 * A message's content for the items of one FETCH response: the structure is decoded at most once even when
 * ENVELOPE, BODYSTRUCTURE and sections all need it (Angus Mail's FetchProfile asks for ENVELOPE and BODYSTRUCTURE
 * together).
 */
final class StructureOnce implements MessageContent {

    private final MessageContent content;
    private MessageStructure structure;

    StructureOnce(MessageContent content) {
        this.content = content;
    }

    @Override
    public MessageMeta meta() {
        return content.meta();
    }

    @Override
    public long size() {
        return content.size();
    }

    @Override
    public InputStream openStream() throws IOException {
        return content.openStream();
    }

    @Override
    public ContentRegion openRegion() throws IOException {
        return content.openRegion();
    }

    @Override
    public boolean storedInFile() {
        return content.storedInFile();
    }

    @Override
    public MessageStructure structure() throws IOException {
        if (structure == null) {
            structure = content.structure();
        }
        return structure;
    }
}
