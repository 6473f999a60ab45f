package org.actiontriggers.it.host;

import com.example.shop.ShopOrder;
import com.example.shop.security.ShopSecurity;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.actiontriggers.it.SettingsText;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.jboss.shrinkwrap.resolver.api.maven.MavenResolvedArtifact;

/**
 * The shop application of the tests ({@code com.example.shop}), packaged as its own build would package it
 * after adding Action Triggers: its classes and descriptors, the library jar in {@code WEB-INF/lib}, and the
 * library's runtime dependencies as a consumer of its pom gets them — the optional broker clients left out.
 */
final class HostWar {

    static final String LIBRARY = "target/action-triggers-library.jar";

    private HostWar() {}

    /** The shop with its own sign-in (HTTP Basic and an identity store) and its own rules in web.xml. */
    static WebArchive withItsOwnSecurity() {
        WebArchive war = base("shop.war", settings(""));
        war.addPackage(ShopSecurity.class.getPackage());
        war.addAsWebInfResource(new File("src/test/resources/host/web.xml"), "web.xml");
        return war;
    }

    /** The same shop without any security of its own, Faces or web.xml: Action Triggers brings its own sign-in. */
    static WebArchive withoutSecurity(String name, String settingsOverrides) {
        return base(name, settings(settingsOverrides));
    }

    private static WebArchive base(String name, String settings) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name)
                .addPackage(ShopOrder.class.getPackage())
                .addAsResource(new File("src/test/resources/host/persistence.xml"), "META-INF/persistence.xml")
                .addAsResource(new File("src/test/resources/host/shop-schema.sql"), "META-INF/shop-schema.sql")
                .addAsResource(new StringAsset(settings), "META-INF/microprofile-config.properties")
                .addAsLibrary(new File(LIBRARY))
                .addAsLibraries(libraryDependencies());
        return war;
    }

    /** The shop's settings, each override line replacing the line of its key. */
    private static String settings(String overrides) {
        try {
            return SettingsText.withOverrides(
                    Files.readString(Path.of("src/test/resources/host/microprofile-config.properties")), overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a host's build puts next to the library jar: the library pom's compile and runtime dependencies
     * that are not optional, with theirs.
     */
    static File[] libraryDependencies() {
        List<String> required = Arrays.stream(Maven.resolver()
                        .loadPomFromFile("pom.xml")
                        .importCompileAndRuntimeDependencies()
                        .resolve()
                        .withoutTransitivity()
                        .asResolvedArtifact())
                .filter(a -> !a.isOptional())
                .map(MavenResolvedArtifact::getCoordinate)
                .map(c -> c.getGroupId() + ":" + c.getArtifactId())
                .toList();
        return Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve(required)
                .withTransitivity()
                .asFile();
    }
}
