package org.actiontriggers.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the WAR portable and the flow readable: no server- or provider-specific API in the main code (the
 * same WAR runs on Payara Micro with EclipseLink and on WildFly with Hibernate), and each package depends
 * only on what its {@code package-info.java} says.
 */
class ArchitectureTest {

    private static final String ROOT = "org.actiontriggers";

    private static final List<String> OWN_PACKAGES = List.of(
            "capture",
            "record",
            "outbox",
            "dispatch",
            "deliver",
            "policy",
            "trigger",
            "settings",
            "secret",
            "template",
            "condition",
            "boot",
            "access",
            "admin",
            "console",
            "monitoring",
            "demo");

    /**
     * What each package (with its subpackages) may depend on among ours, as its {@code package-info.java}
     * says. The edges ({@code admin}, {@code console}, {@code monitoring}) and the demo are free to use the
     * stages, and are checked below only in that nothing depends on them.
     */
    private static final Map<String, List<String>> MAY_DEPEND_ON = Map.ofEntries(
            Map.entry("secret", List.of("template")),
            Map.entry("template", List.of()),
            Map.entry("condition", List.of()),
            Map.entry("settings", List.of("secret", "template")),
            Map.entry("trigger", List.of("settings", "secret", "template", "condition")),
            Map.entry("outbox", List.of("trigger")),
            Map.entry("capture", List.of("trigger", "settings")),
            Map.entry("record", List.of("capture", "trigger", "settings", "secret", "template", "condition", "outbox")),
            Map.entry("boot", List.of("trigger", "settings", "secret")),
            Map.entry("deliver", List.of("trigger", "settings", "secret", "template", "outbox")),
            Map.entry("dispatch", List.of("settings", "boot", "outbox", "record", "deliver")),
            Map.entry("access", List.of("settings", "boot")),
            // the policy implements the dispatcher's hooks (dispatch), sees outcomes (deliver), reads its settings
            // and the webhooks' limits, and inserts alerts and makes waiting deliveries due or drops them (outbox)
            Map.entry("policy", List.of("settings", "trigger", "outbox", "dispatch", "deliver")));

    private static final Path MAIN_SOURCES = Path.of("src/main/java");

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
    void theTriggerTablesNeedNoPersistenceUnit() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".trigger..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.persistence..")
                .because("a library jar with its own persistence unit makes a host's unnamed @PersistenceContext"
                        + " ambiguous; the trigger tables are read and written through JDBC")
                .check(main);
    }

    @Test
    void theConditionLanguageIsPureJavaAndJsonP() {
        classes()
                .that()
                .resideInAPackage(ROOT + ".condition..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".condition..",
                        "java.lang",
                        "java.lang.runtime",
                        "java.util..",
                        "java.math",
                        "java.io",
                        "jakarta.json..")
                .because("a condition is data evaluated over plain maps: no CDI, JPA, reflection or network")
                .check(main);
    }

    static Stream<Arguments> packageRules() {
        return MAY_DEPEND_ON.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(rule -> Arguments.of(rule.getKey(), rule.getValue()));
    }

    @ParameterizedTest(name = "{0} depends on {1} only")
    @MethodSource("packageRules")
    void eachPackageDependsOnlyOnWhatItsPackageInfoSays(String pkg, List<String> allowed) {
        List<String> own = new ArrayList<>(allowed);
        own.add(pkg);
        noClasses()
                .that()
                .resideInAPackage(ROOT + "." + pkg + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(outside(own.toArray(String[]::new)))
                .check(main);
    }

    @Test
    void everyPackageHasARuleOrIsAnEdge() {
        List<String> unruled = OWN_PACKAGES.stream()
                .filter(p -> !MAY_DEPEND_ON.containsKey(p))
                .filter(p -> !List.of("admin", "console", "monitoring", "demo").contains(p))
                .toList();
        assertThat(unruled).isEmpty();
        assertThat(main.getPackage(ROOT).getSubpackages())
                .extracting(p -> p.getRelativeName())
                .allMatch(OWN_PACKAGES::contains, "listed in OWN_PACKAGES");
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN_SOURCES)) {
            List<Path> without = dirs.filter(Files::isDirectory)
                    .filter(ArchitectureTest::holdsJavaSources)
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .toList();
            assertThat(without).isEmpty();
        }
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

    private static boolean holdsJavaSources(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Our packages other than the given ones (each with its subpackages). */
    private static String[] outside(String... allowed) {
        return OWN_PACKAGES.stream()
                .filter(p -> !List.of(allowed).contains(p))
                .map(p -> ROOT + "." + p + "..")
                .toArray(String[]::new);
    }
}
