package io.serai.store.karaf.command;

import io.serai.store.api.MailStore;
import io.serai.store.api.QuotaLimits;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
@Command(scope = "serai", name = "quota-set", description = "Sets an account's quota (RFC 9208 STORAGE and MESSAGE); 0 means no limit")
@Service
public class QuotaSet implements Action {

    @Reference
    MailStore store;

    @Argument(index = 0, name = "address", description = "The account", required = true)
    @Completion(AccountCompleter.class)
    String address;

    @Option(name = "--size", aliases = "-s", description = "Largest total size, e.g. 500M, 2G or octets; 0 for no limit")
    String size = "0";

    @Option(name = "--messages", aliases = "-m", description = "Most messages; 0 for no limit")
    long messages;

    @Override
    public Object execute() throws Exception {
        long octets = Sizes.parse(size);
        if (messages < 0) {
            throw new IllegalArgumentException("--messages must not be negative");
        }
        QuotaLimits limits = new QuotaLimits(octets == 0 ? Long.MAX_VALUE : octets,
                messages == 0 ? Long.MAX_VALUE : messages);
        store.accounts().setQuota(address, limits);
        System.out.println("Quota of " + address + ": " + Sizes.quota(limits));
        return null;
    }
}
