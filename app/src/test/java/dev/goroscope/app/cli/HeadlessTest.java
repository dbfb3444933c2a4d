package dev.goroscope.app.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI and the exporters run with no display: they never touch JavaFX or the GUI's packages. */
class HeadlessTest {
    @TempDir
    Path dir;

    @Test
    void cliAndExportersDoNotDependOnJavaFxOrTheGui() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.goroscope.app");
        noClasses().that().resideInAnyPackage("dev.goroscope.app.cli..", "dev.goroscope.app.export..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..",
                        "dev.goroscope.app.flame..", "dev.goroscope.app.goroutines..", "dev.goroscope.app.workspace..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.goroscope.app.GoroscopeApp")
                .check(classes);
    }

    /** Runs Main in a fresh JVM that logs every class it loads, and finds no JavaFX class among them. */
    static List<String> javaFxClassesLoadedBy(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "dev.goroscope.app.Main"));
        cmd.addAll(List.of(args));
        Path log = dir.resolve("classes.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).anyMatch(l -> l.contains("dev.goroscope.app.cli.Cli "));
        return lines.stream().filter(l -> l.contains(" javafx.") || l.contains(" com.sun.javafx.")).toList();
    }

    @Test
    void aCliRunLoadsNoJavaFxClass() throws Exception {
        String dump = Go119.file("dump-debug2.txt").toString();
        Path svg = dir.resolve("x.svg");
        assertThat(javaFxClassesLoadedBy(dir, "export-svg", dump, svg.toString())).isEmpty();
        assertThat(svg).isNotEmptyFile();
        assertThat(javaFxClassesLoadedBy(dir, "summary", "--json", dump)).isEmpty();
        assertThat(javaFxClassesLoadedBy(dir, "--help")).isEmpty();
    }
}
