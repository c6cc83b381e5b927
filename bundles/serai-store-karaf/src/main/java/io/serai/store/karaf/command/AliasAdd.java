package io.serai.store.karaf.command;

import io.serai.store.api.MailStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "serai", name = "alias-add", description = "Makes an address deliver to an account")
@Service
public class AliasAdd implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "alias", description = "The alias address, in a local domain", required = true)
    String alias;

    @Argument(index = 1, name = "account", description = "The account that receives its mail", required = true)
    @Completion(AccountCompleter.class)
    String target;

    @Override
    public Object execute() throws Exception {
        store.accounts().addAlias(alias, target);
        System.out.println(alias + " now delivers to " + target);
        return null;
    }
}
