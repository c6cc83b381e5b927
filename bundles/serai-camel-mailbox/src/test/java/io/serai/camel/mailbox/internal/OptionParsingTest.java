package io.serai.camel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;

import io.serai.store.api.Flags;
import io.serai.store.api.SystemFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionParsingTest {

    @TempDir
    Path dir;

    @Test
    void flagListsParseAndFormat() {
        Flags flags = FlagList.parse("\\seen, $Label \\Flagged");
        assertThat(flags).isEqualTo(Flags.of(Set.of(SystemFlag.SEEN, SystemFlag.FLAGGED), Set.of("$label")));
        assertThat(FlagList.format(flags)).containsExactly("\\Seen", "\\Flagged", "$label");
        assertThatThrownBy(() -> FlagList.parse("\\Recent")).hasMessageContaining("unknown system flag");
        assertThatThrownBy(() -> FlagList.parse("bad(word")).hasMessageContaining("not an IMAP keyword");
    }

    @Test
    void commitActionsParseByRole() {
        assertThat(CommitAction.parse("seen", false).flags()).isEqualTo(Flags.of(SystemFlag.SEEN));
        assertThat(CommitAction.parse("move:Done/2026", false).folder()).isEqualTo("Done/2026");
        assertThat(CommitAction.parse("delete", false).kind()).isEqualTo(CommitAction.Kind.DELETE);
        assertThat(CommitAction.parse("none", false).leaves()).isTrue();
        assertThat(CommitAction.parse("leave", true).leaves()).isTrue();
        assertThat(CommitAction.parse("move:Errors", true).kind()).isEqualTo(CommitAction.Kind.MOVE);
        // deleting or flagging a failed message would hide it: not allowed as a failure action
        assertThatThrownBy(() -> CommitAction.parse("delete", true)).hasMessageContaining("onFailure");
        assertThatThrownBy(() -> CommitAction.parse("move:", false)).hasMessageContaining("onCompletion");
    }

    @Test
    void stateSurvivesAReloadAndStaysInsideItsDirectory() throws Exception {
        Path file = ConsumerState.fileFor(dir, "a@b.test", "../../etc/passwd");
        assertThat(file.getParent()).isEqualTo(dir);
        ConsumerState state = ConsumerState.fresh(file, 42, 7);
        state.handled(9, true);
        state.handled(10, false);
        state.save();

        ConsumerState loaded = ConsumerState.load(file).orElseThrow();
        assertThat(loaded.uidValidity()).isEqualTo(42);
        assertThat(loaded.lastUid()).isEqualTo(10);
        assertThat(loaded.retry()).containsExactly(9L);
        loaded.handled(9, false);
        assertThat(loaded.retry()).isEmpty();
    }

    @Test
    void aMessageInFlightAtACrashIsRetriedAfterTheReload() throws Exception {
        Path file = ConsumerState.fileFor(dir, "a@b.test", "INBOX");
        ConsumerState state = ConsumerState.fresh(file, 42, 7);
        state.begin(8);
        state.save();

        assertThat(ConsumerState.load(file).orElseThrow().retry()).containsExactly(8L);
        state.handled(8, false);
        state.save();
        assertThat(ConsumerState.load(file).orElseThrow().retry()).isEmpty();
    }
}
