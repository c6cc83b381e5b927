package io.serai.store.karaf.command;

import io.serai.store.api.MailStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "serai", name = "domain-add", description = "Adds a local domain: mail for it is delivered here")
@Service
public class DomainAdd implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "domain", description = "Domain name, e.g. example.org", required = true)
    String domain;

    @Override
    public Object execute() throws Exception {
        store.accounts().addDomain(domain);
        System.out.println("Added domain " + domain);
        return null;
    }
}
