package io.serai.store.karaf.command;

import java.io.PrintStream;

import io.serai.store.transfer.SkippedEntry;
import io.serai.store.transfer.TransferResult;

/** Prints what an import or export did, and every entry it had to leave out with the reason. */
final class TransferReport {

    private TransferReport() {
    }

    static void print(PrintStream out, String what, TransferResult result) {
        out.println(what + ": " + result.messages() + " messages"
                + (result.mailboxesCreated().isEmpty() ? "" : ", mailboxes created: " + result.mailboxesCreated()));
        if (!result.skipped().isEmpty()) {
            out.println(result.skipped().size() + " left out:");
            for (SkippedEntry skipped : result.skipped()) {
                out.println("  " + skipped.source() + ": " + skipped.reason());
            }
        }
    }
}
