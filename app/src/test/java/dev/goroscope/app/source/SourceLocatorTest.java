package dev.goroscope.app.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLocatorTest {
    @TempDir
    Path tmp;

    private Path file(String relative) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "package x\n");
        return p;
    }

    @Test
    void anAbsolutePathThatExistsIsItself() throws IOException {
        Path f = file("abs/main.go");
        assertThat(new SourceLocator(List.of(), null, null).locate(f.toString())).contains(f);
    }

    @Test
    void aPrefixMappingReplacesThePrefix() throws IOException {
        Path f = file("checkout/leaks/patterns.go");
        SourceLocator l = new SourceLocator(
                List.of(new PathMapping("goroscope.dev/samples/progs/leaks/", tmp.resolve("checkout/leaks").toString())),
                null, null);
        assertThat(l.locate("goroscope.dev/samples/progs/leaks/patterns.go")).contains(f);
        assertThat(l.locate("goroscope.dev/samples/progs/leaks/missing.go")).isEmpty();
    }

    @Test
    void aProjectRootMatchesTrailingSegmentsLongestFirst() throws IOException {
        Path deep = file("repo/pkg/server/main.go");
        Path shallow = file("repo/main.go");
        SourceLocator l = new SourceLocator(List.of(PathMapping.root(tmp.resolve("repo").toString())), null, null);
        assertThat(l.locate("example.com/svc/pkg/server/main.go")).contains(deep);
        assertThat(l.locate("main/main.go")).contains(shallow);
        assertThat(l.locate("/home/ci/build/svc/pkg/server/main.go")).contains(deep);
    }

    @Test
    void standardLibraryFilesAreFoundUnderGoRootInEveryRecordedForm() throws IOException {
        Path proc = file("goroot/src/runtime/proc.go");
        SourceLocator l = new SourceLocator(List.of(), tmp.resolve("goroot"), null);
        assertThat(l.locate("runtime/proc.go")).contains(proc);
        assertThat(l.locate("$GOROOT/src/runtime/proc.go")).contains(proc);
        assertThat(l.locate("/opt/build-host-nowhere/go/src/runtime/proc.go")).contains(proc);
        assertThat(SourceLocator.standardLibraryPath("github.com/x/y/z.go")).isNull();
    }

    @Test
    void moduleFilesAreFoundInTheModuleCacheWithCaseEscaping() throws IOException {
        Path toml = file("mod/github.com/!burnt!sushi/toml@v1.3.2/decode.go");
        SourceLocator l = new SourceLocator(List.of(), null, tmp.resolve("mod"));
        assertThat(l.locate("github.com/BurntSushi/toml@v1.3.2/decode.go")).contains(toml);
        assertThat(l.locate("/home/other/go/pkg/mod/github.com/BurntSushi/toml@v1.3.2/decode.go")).contains(toml);
    }

    @Test
    void userMappingsWinOverTheGoInstallation() throws IOException {
        Path mine = file("fork/runtime/proc.go");
        file("goroot/src/runtime/proc.go");
        SourceLocator l = new SourceLocator(List.of(new PathMapping("runtime/", tmp.resolve("fork/runtime").toString())),
                tmp.resolve("goroot"), null);
        assertThat(l.locate("runtime/proc.go")).contains(mine);
    }

    @Test
    void aGuessedMappingUsesTheLongestPartFoundUnderTheFolder() throws IOException {
        file("clone/samples/progs/leaks/patterns.go");
        file("leaks/patterns.go");
        assertThat(MappingGuess.forFolder("goroscope.dev/samples/progs/leaks/patterns.go", tmp.resolve("clone")))
                .isEqualTo(new PathMapping("goroscope.dev/", tmp.resolve("clone").toString()));
        assertThat(MappingGuess.forFolder("goroscope.dev/samples/progs/leaks/patterns.go", tmp.resolve("leaks")))
                .isEqualTo(new PathMapping("goroscope.dev/samples/progs/leaks/", tmp.resolve("leaks").toString()));
        assertThat(MappingGuess.forFolder("elsewhere/x.go", tmp.resolve("leaks")))
                .isEqualTo(PathMapping.root(tmp.resolve("leaks").toString()));
    }
}
