package dev.goroscope.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.goroutine.GoroutineArguments;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoroutineArgumentsTest {
    private static GoroutineArguments parse(String... frames) {
        GoroutineArguments.Builder b = new GoroutineArguments.Builder().startGoroutine();
        for (String f : frames) {
            byte[] bytes = f.getBytes(StandardCharsets.US_ASCII);
            b.addFrame(bytes, 0, bytes.length);
        }
        return b.build();
    }

    @Test
    void readsValuesUncertainWordsStructsAndEllipsis() {
        // Argument lists as a Go 1.19 debug=2 dump prints them (dump-debug2.txt, goroutines 42 and 9).
        GoroutineArguments a = parse("{0x788f30, 0xc0000a6258}, 0x0?", "0xc0000fce00, {0xc0000929f0?, 0x10, 0x10}", "...");
        assertThat(a.goroutineCount()).isEqualTo(1);
        assertThat(a.frameCount(0)).isEqualTo(3);
        int w = a.wordStart(0, 0);
        assertThat(a.kind(w)).isEqualTo(GoroutineArguments.OPEN);
        assertThat(a.word(w + 1)).isEqualTo(0x788f30L);
        assertThat(a.word(w + 2)).isEqualTo(0xc0000a6258L);
        assertThat(a.kind(w + 3)).isEqualTo(GoroutineArguments.CLOSE);
        assertThat(a.kind(w + 4)).isEqualTo(GoroutineArguments.UNCERTAIN);
        assertThat(a.format(0, 0, i -> null)).isEqualTo("{0x788f30, 0xc0000a6258}, 0x0?");
        assertThat(a.format(0, 1, i -> null)).isEqualTo("0xc0000fce00, {0xc0000929f0?, 0x10, 0x10}");
        assertThat(a.format(0, 2, i -> null)).isEqualTo("...");
    }

    @Test
    void unreadableWordsBecomeUnknownWithoutFailing() {
        GoroutineArguments a = parse("_, zz, 0x", "");
        assertThat(a.format(0, 0, i -> null)).isEqualTo("_, _, _");
        assertThat(a.wordEnd(0, 1) - a.wordStart(0, 1)).isZero();
    }

    @Test
    void equalListsAreStoredOnceAcrossGoroutinesAndAppends() {
        GoroutineArguments.Builder b = new GoroutineArguments.Builder();
        byte[] zero = "0x0?, 0x0?".getBytes(StandardCharsets.US_ASCII);
        byte[] ptr = "0xc000092968".getBytes(StandardCharsets.US_ASCII);
        for (int g = 0; g < 3; g++) {
            b.startGoroutine().addFrame(zero, 0, zero.length).addFrame(ptr, 0, ptr.length);
        }
        GoroutineArguments a = b.build();
        assertThat(a.listCount()).isEqualTo(2);
        assertThat(a.wordCount()).isEqualTo(3);
        assertThat(a.list(2, 0)).isEqualTo(a.list(0, 0)).isNotEqualTo(a.list(0, 1));
        GoroutineArguments twice = new GoroutineArguments.Builder().append(a).append(a).build();
        assertThat(twice.goroutineCount()).isEqualTo(6);
        assertThat(twice.listCount()).isEqualTo(2);
        assertThat(twice.format(5, 1, i -> null)).isEqualTo("0xc000092968");
        assertThat(twice.format(4, 0, i -> null)).isEqualTo("0x0?, 0x0?");
    }

    @Test
    void wordTextReplacesNamedWords() {
        GoroutineArguments a = parse("0xc000092968, 0x1");
        assertThat(a.format(0, 0, i -> a.word(i) == 0xc000092968L ? "#1" : null)).isEqualTo("#1, 0x1");
    }
}
