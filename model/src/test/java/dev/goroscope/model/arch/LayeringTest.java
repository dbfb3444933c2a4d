package dev.goroscope.model.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The model is pure Java: no GUI toolkit, no importer or app class. */
class LayeringTest {
    @Test
    void modelDependsOnNoToolkitAndNoUpperLayer() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.goroscope.model");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..",
                "dev.goroscope.importers..", "dev.goroscope.app..").check(classes);
    }
}
