package io.serai.store.karaf.command;

import java.util.List;

import io.serai.store.api.MailStore;
import io.serai.store.api.QuotaUsage;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
@Command(scope = "serai", name = "user-list", description = "Lists accounts with their quota usage")
@Service
public class UserList implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "domain", description = "Only this domain")
    @Completion(DomainCompleter.class)
    String domain;

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable();
        table.column("Account");
        table.column("Messages").alignRight();
        table.column("Size").alignRight();
        table.column("Quota").alignRight();
        List<String> domains = domain == null ? store.accounts().domains() : List.of(domain);
        for (String d : domains) {
            for (String account : store.accounts().accounts(d)) {
                QuotaUsage usage = store.accounts().quota(account);
                table.addRow().addContent(account, usage.messages(), Sizes.human(usage.octets()),
                        Sizes.quota(usage.limits()));
            }
        }
        table.print(System.out);
        return null;
    }
}
