package dev.goroscope.model.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockClassTest {
    @ParameterizedTest
    @CsvSource({"chan receive,CHAN", "chan send,CHAN", "chan receive (nil chan),CHAN", "select,SELECT",
        "select (no cases),SELECT", "sync,SYNC", "sync.(*Cond).Wait,SYNC", "sync.Mutex.Lock,SYNC", "semacquire,SYNC",
        "network,IO", "IO wait,IO", "sleep,SLEEP", "synctest,OTHER", "system goroutine wait,OTHER", "forever,OTHER",
        "GC assist wait,OTHER"})
    void waitReasonsFallIntoClasses(String reason, BlockClass cls) {
        assertThat(BlockClass.ofWaitReason(reason)).isEqualTo(cls);
    }
}
