package dev.goroscope.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * JavaFX stays in the GUI packages: the model, the importers, the CLI and the exporters run headless with no
 * toolkit on the class path.
 */
class NoToolkitBelowTheGuiTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.goroscope");

    @Test
    void modelImportersCliAndExportDoNotUseJavaFx() {
        noClasses().that().resideInAnyPackage("dev.goroscope.model..", "dev.goroscope.importers..",
                        "dev.goroscope.app.cli..", "dev.goroscope.app.export..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void theRuleSeesEveryLayerItGuards() {
        assertThat(CLASSES.containPackage("dev.goroscope.model.calltree")).isTrue();
        assertThat(CLASSES.containPackage("dev.goroscope.importers")).isTrue();
        assertThat(CLASSES.containPackage("dev.goroscope.app.cli")).isTrue();
        assertThat(CLASSES.containPackage("dev.goroscope.app.export")).isTrue();
    }
}
