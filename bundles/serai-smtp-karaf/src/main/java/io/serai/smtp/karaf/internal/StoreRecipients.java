package io.serai.smtp.karaf.internal;

import io.serai.smtp.api.RecipientValidator;
import io.serai.store.api.MailStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks RCPT addresses of local domains against the store (bean {@code seraiRecipients}): accounts, aliases,
 * {@code user+detail} and catch-all resolve; anything else is {@code 550 5.1.1} at RCPT time, so no bounce is
 * ever needed for an unknown user. A store failure is temporary ({@code 450}), never a rejection. On a store that
 * answers from memory (the embedded one) the check does not block, and RCPT is answered on the network thread.
 */
@Component(service = RecipientValidator.class, property = "osgi.jndi.service.name=" + StoreRecipients.BEAN_NAME)
public final class StoreRecipients implements RecipientValidator {

    static final String BEAN_NAME = "seraiRecipients";
    private static final Logger LOG = LoggerFactory.getLogger(StoreRecipients.class);

    private final MailStore store;

    @Activate
    public StoreRecipients(@Reference MailStore store) {
        this.store = store;
    }

    @Override
    public RecipientStatus check(String address) {
        try {
            return store.recipients().resolve(address).isPresent() ? RecipientStatus.ACCEPT : RecipientStatus.UNKNOWN_USER;
        } catch (RuntimeException e) {
            LOG.warn("Recipient look-up of {} failed", address, e);
            return RecipientStatus.TEMPORARILY_UNAVAILABLE;
        }
    }

    @Override
    public boolean mayBlock() {
        return !store.recipients().answersFromMemory();
    }
}
