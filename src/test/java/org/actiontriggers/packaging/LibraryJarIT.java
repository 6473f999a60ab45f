package org.actiontriggers.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What the build packages (run after {@code package}, no server needed): the library jar a host depends on
 * holds nothing of the demo and no endpoint outside our base, and the demo WAR is that jar plus the demo jar,
 * with no classes of its own — built as a host's build builds its WAR.
 */
class LibraryJarIT {

    private static final String LIBRARY = "target/action-triggers-library.jar";

    @Test
    void theLibraryJarHoldsNoDemoClassAndNoPersistenceUnit() throws IOException {
        List<String> entries = entries(LIBRARY);

        assertThat(entries).isNotEmpty().noneMatch(e -> e.startsWith("org/actiontriggers/demo"));
        assertThat(entries)
                .doesNotContain("META-INF/persistence.xml", "META-INF/orm.xml", "META-INF/sql/demo-schema.sql")
                .contains(
                        "META-INF/action-triggers-orm.xml",
                        "META-INF/web-fragment.xml",
                        "META-INF/beans.xml",
                        "META-INF/microprofile-config.properties",
                        "META-INF/services/jakarta.enterprise.inject.spi.Extension",
                        "META-INF/resources/action-triggers/console/index.xhtml",
                        "db/action-triggers/V1__outbox_and_configs.sql");
    }

    @Test
    void everyEndpointOfTheLibraryIsUnderOurFirstSegmentAndNoneIsTheDemos() throws Exception {
        List<String> roots = new ArrayList<>();
        for (String entry : entries(LIBRARY)) {
            if (!entry.endsWith(".class")) {
                continue;
            }
            Class<?> type = Class.forName(
                    entry.substring(0, entry.length() - 6).replace('/', '.'),
                    false,
                    getClass().getClassLoader());
            ApplicationPath application = type.getAnnotation(ApplicationPath.class);
            if (application != null) {
                assertThat(application.value()).as(type.getName()).isEqualTo("action-triggers/api");
            }
            Path path = type.getAnnotation(Path.class);
            if (path != null) {
                roots.add(path.value());
            }
        }
        assertThat(roots)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p).startsWith("action-triggers"))
                .noneMatch(p -> p.contains("demo"));
    }

    @Test
    void theDemoWarIsTheLibraryJarPlusTheDemoJar() throws IOException {
        List<String> war = entries("target/action-triggers.war");

        assertThat(war)
                .contains("WEB-INF/lib/action-triggers-library.jar", "WEB-INF/lib/action-triggers-demo.jar")
                .noneMatch(e -> e.startsWith("WEB-INF/classes/") && !e.equals("WEB-INF/classes/"));
        assertThat(entries("target/action-triggers-demo.jar"))
                .contains("META-INF/persistence.xml", "org/actiontriggers/demo/DemoResource.class")
                .filteredOn(e -> e.endsWith(".class"))
                .allMatch(e -> e.startsWith("org/actiontriggers/demo/"));
    }

    private static List<String> entries(String jar) throws IOException {
        try (JarFile file = new JarFile(jar)) {
            return file.stream().map(JarEntry::getName).toList();
        }
    }
}
