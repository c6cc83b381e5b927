package io.serai.camel.mailbox;

import java.util.Map;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailboxes;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code mailbox:} component: {@code mailbox:user@domain/Folder/Path?store=#store&...}. Outside OSGi Camel finds
 * it through {@code META-INF/services/org/apache/camel/component/mailbox}; in Karaf through the
 * {@code ComponentResolver} service.
 */
public class MailboxComponent extends DefaultComponent {

    @Metadata(description = "The mail store used by endpoints that do not set their own store")
    private MailStore store;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String path = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        int slash = path.indexOf(Mailboxes.DELIMITER);
        String first = slash < 0 ? path : path.substring(0, slash);
        String account;
        String folder;
        if (first.contains("@")) {
            account = first;
            folder = slash < 0 ? "" : path.substring(slash + 1);
        } else {
            // no account in the URI: a producer takes it from the SeraiMailboxTargetAccount header
            account = "";
            folder = path;
        }
        if (folder.isEmpty()) {
            folder = Mailboxes.INBOX;
        }
        MailboxEndpoint endpoint = new MailboxEndpoint(uri, this, account, folder);
        endpoint.setStore(store);
        // no generated configurer: options bind by reflection; unknown ones make DefaultComponent fail the URI
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    public MailStore getStore() {
        return store;
    }

    public void setStore(MailStore store) {
        this.store = store;
    }
}
