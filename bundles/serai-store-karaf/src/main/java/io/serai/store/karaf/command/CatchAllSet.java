package io.serai.store.karaf.command;

import java.util.Optional;

import io.serai.store.api.MailStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
@Command(scope = "serai", name = "catchall-set", description = "Sets the account that receives mail for unknown addresses of a domain; without an account, turns catch-all off")
@Service
public class CatchAllSet implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "domain", description = "A local domain", required = true)
    @Completion(DomainCompleter.class)
    String domain;

    @Argument(index = 1, name = "account", description = "The account that receives the mail; leave out to turn catch-all off")
    @Completion(AccountCompleter.class)
    String target;

    @Override
    public Object execute() throws Exception {
        store.accounts().setCatchAll(domain, Optional.ofNullable(target));
        System.out.println(target == null ? "Catch-all of " + domain + " is off"
                : "Unknown addresses of " + domain + " now deliver to " + target);
        return null;
    }
}
