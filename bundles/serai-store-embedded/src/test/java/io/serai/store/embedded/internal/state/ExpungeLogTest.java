package io.serai.store.embedded.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ExpungeLogTest {

    @Test
    void answersOnlyFromItsFloorUp() {
        ExpungeLog log = new ExpungeLog(10);
        log.record(12, new long[] {3, 7});
        log.record(15, new long[] {1});
        assertThat(log.since(9)).as("older than the floor: unknown").isEmpty();
        assertThat(log.since(10)).hasValueSatisfying(u -> assertThat(u).containsExactly(1, 3, 7));
        assertThat(log.since(12)).hasValueSatisfying(u -> assertThat(u).containsExactly(1));
        assertThat(log.since(15)).hasValueSatisfying(u -> assertThat(u).isEmpty());
    }

    @Test
    void pastItsBoundTheOldestChangesGoAndTheFloorRises() {
        ExpungeLog log = new ExpungeLog(0);
        long[] big = LongStream.rangeClosed(1, ExpungeLog.MAX_UIDS).toArray();
        log.record(5, new long[] {ExpungeLog.MAX_UIDS + 1L});
        log.record(6, big);
        assertThat(log.floor()).isEqualTo(5);
        assertThat(log.since(4)).isEmpty();
        assertThat(log.since(5)).hasValueSatisfying(u -> assertThat(u).hasSize(ExpungeLog.MAX_UIDS));
        log.record(7, new long[] {ExpungeLog.MAX_UIDS + 2L});
        assertThat(log.floor()).isEqualTo(6);
        assertThat(log.since(6)).hasValueSatisfying(u -> assertThat(u).containsExactly(ExpungeLog.MAX_UIDS + 2L));
    }

    @Test
    void forgettingRaisesTheFloorAndDropsWhatIsBelow() {
        ExpungeLog log = new ExpungeLog(0);
        log.record(3, new long[] {1});
        log.record(8, new long[] {2});
        log.forgetUpTo(5);
        assertThat(log.since(4)).isEmpty();
        assertThat(log.since(5)).hasValueSatisfying(u -> assertThat(u).containsExactly(2));
    }

    @Test
    void writtenAndReadBackUnchanged() throws Exception {
        ExpungeLog log = new ExpungeLog(4);
        log.record(9, new long[] {2, 5});
        log.record(11, new long[] {40});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        log.write(new DataOutputStream(bytes));
        ExpungeLog read = ExpungeLog.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(read.floor()).isEqualTo(4);
        assertThat(read.since(4)).hasValueSatisfying(u -> assertThat(u).containsExactly(2, 5, 40));
        assertThat(read.since(9)).hasValueSatisfying(u -> assertThat(u).containsExactly(40));
        assertThat(log.copy().since(4)).hasValueSatisfying(u -> assertThat(u).containsExactly(2, 5, 40));
    }
}
