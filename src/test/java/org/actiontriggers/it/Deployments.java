package org.actiontriggers.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/** The WAR the build produced, plus the test classes, test libraries and test settings. */
final class Deployments {

    private Deployments() {}

    static WebArchive application() {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "action-triggers.war")
                .importFrom(new File("target/action-triggers.war"))
                .as(WebArchive.class);
        war.delete("/WEB-INF/classes/META-INF/microprofile-config.properties");
        war.addAsResource("it-microprofile-config.properties", "META-INF/microprofile-config.properties");
        war.addAsResource("it-secrets.properties");
        war.addPackage(Deployments.class.getPackage());
        // WildFly shows a deployment only the JDK modules it names; the in-container receiver needs this one.
        war.addAsWebInfResource(
                new StringAsset("<jboss-deployment-structure><deployment><dependencies>"
                        + "<module name=\"jdk.httpserver\"/></dependencies></deployment></jboss-deployment-structure>"),
                "jboss-deployment-structure.xml");
        war.addAsLibraries(Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve(
                        "org.awaitility:awaitility",
                        "org.assertj:assertj-core",
                        "com.standardwebhooks:standardwebhooks")
                .withTransitivity()
                .asFile());
        return war;
    }

    /**
     * The application with some test settings changed: each override line replaces the test settings' line of
     * its key.
     */
    static WebArchive application(String settingsOverrides) {
        WebArchive war = application();
        String base;
        try {
            base = Files.readString(Path.of("src/test/resources/it-microprofile-config.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.delete("/WEB-INF/classes/META-INF/microprofile-config.properties");
        war.addAsResource(
                new StringAsset(SettingsText.withOverrides(base, settingsOverrides)),
                "META-INF/microprofile-config.properties");
        return war;
    }
}
