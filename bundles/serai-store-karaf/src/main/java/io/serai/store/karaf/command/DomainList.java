package io.serai.store.karaf.command;

import io.serai.store.api.MailStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
@Command(scope = "serai", name = "domain-list", description = "Lists the local domains with their number of accounts")
@Service
public class DomainList implements Action {

    @Reference
    MailStore store;

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable();
        table.column("Domain");
        table.column("Accounts").alignRight();
        for (String domain : store.accounts().domains()) {
            table.addRow().addContent(domain, store.accounts().accounts(domain).size());
        }
        table.print(System.out);
        return null;
    }
}
