package io.serai.store.transfer;

import java.util.List;

/**
 * What a {@link StoreCopier} run did.
 *
 * @param accounts   accounts created in the target by this run
 * @param mailboxes  mailboxes created in the target by this run
 * @param messages   messages copied by this run
 * @param bytes      their octets
 * @param present    messages that were in the target already (an earlier, interrupted run copied them)
 * @param mismatches with verification: every message or mailbox that differs between the two stores; empty
 *                   when the copy is identical (or verification was not asked for)
 */
public record StoreCopyReport(long accounts, long mailboxes, long messages, long bytes, long present,
                              List<String> mismatches) {
    public StoreCopyReport {
        mismatches = List.copyOf(mismatches);
    }
}
