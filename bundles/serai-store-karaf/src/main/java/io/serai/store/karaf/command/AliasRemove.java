package io.serai.store.karaf.command;

import io.serai.store.api.MailStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "serai", name = "alias-remove", description = "Removes an alias")
@Service
public class AliasRemove implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "alias", description = "The alias address", required = true)
    String alias;

    @Override
    public Object execute() throws Exception {
        store.accounts().removeAlias(alias);
        System.out.println("Removed alias " + alias);
        return null;
    }
}
