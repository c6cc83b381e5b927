package io.serai.store.karaf.command;

import io.serai.store.api.MailStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "serai", name = "domain-remove", description = "Removes a local domain that has no accounts left")
@Service
public class DomainRemove implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "domain", description = "A local domain", required = true)
    @Completion(DomainCompleter.class)
    String domain;

    @Override
    public Object execute() throws Exception {
        store.accounts().removeDomain(domain);
        System.out.println("Removed domain " + domain);
        return null;
    }
}
