package org.actiontriggers.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the WAR portable and the flow readable: no server- or provider-specific API in the main code (the
 * same WAR runs on Payara Micro with EclipseLink and on WildFly with Hibernate), and each package depends
 * only on what its {@code package-info.java} says.
 */
class ArchitectureTest {

    private static final String ROOT = "org.actiontriggers";

    private static final List<String> OWN_PACKAGES = List.of(
            "capture", "record", "dispatch", "deliver", "config", "access", "admin", "console", "monitoring", "demo");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void mainCodeUsesNoServerOrPersistenceProviderApi() {
        ArchRule rule = noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.eclipse.persistence..", "fish.payara..", "org.hibernate..", "org.jboss..")
                .because("the same WAR runs on Payara Micro (EclipseLink) and WildFly (Hibernate)");
        rule.check(main);
    }

    @Test
    void configDependsOnNoOtherPackageOfOurs() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(outside("config"))
                .check(main);
    }

    @Test
    void captureDependsOnConfigOnly() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".capture..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(outside("capture", "config"))
                .check(main);
    }

    @Test
    void recordDependsOnConfigAndCaptureOnly() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".record..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(outside("record", "config", "capture"))
                .check(main);
    }

    @Test
    void deliverDependsOnConfigAndRecordOnly() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".deliver..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(outside("deliver", "config", "record"))
                .check(main);
    }

    @Test
    void dispatchDependsOnConfigRecordAndDeliverOnly() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".dispatch..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(outside("dispatch", "config", "record", "deliver"))
                .check(main);
    }

    @Test
    void accessDependsOnConfigOnly() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".access..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(outside("access", "config"))
                .check(main);
    }

    @Test
    void nothingOfTheProductDependsOnTheDemo() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".demo..")
                .check(main);
    }

    @Test
    void theEdgesAreNotDependedOn() {
        for (String edge : new String[] {"admin", "console", "monitoring"}) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage(ROOT + "." + edge + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(ROOT + "." + edge + "..")
                    .allowEmptyShould(true)
                    .check(main);
        }
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
    }

    /** Our packages other than the given ones (each with its subpackages). */
    private static String[] outside(String... allowed) {
        return OWN_PACKAGES.stream()
                .filter(p -> !List.of(allowed).contains(p))
                .map(p -> ROOT + "." + p + "..")
                .toArray(String[]::new);
    }
}
