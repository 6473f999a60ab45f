package org.actiontriggers.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A shop whose datasource setting is missing or names nothing does not start, saying which setting is wrong;
 * nor does one with malformed settings of every other kind (one deployment carries them all, as the start-up
 * check reports every malformed key at once, so the test costs one server boot).
 *
 * <p>Apart from {@link HostStartUpIT}: the Payara Micro container runs a process per deployment and stops only
 * the one it deployed last, so a class that mixes a managed deployment with these would leave the managed
 * one's server running after the suite.
 */
@ExtendWith({ServerOutput.class, ArquillianExtension.class})
class HostMisconfigurationIT {

    private static final String KEY = "action-triggers.datasource";

    @Deployment(name = "no-datasource", managed = false, testable = false)
    static WebArchive withoutDatasource() {
        return HostWar.withoutSecurity("shop-without-datasource.war", KEY + "=\n");
    }

    @Deployment(name = "datasource-elsewhere", managed = false, testable = false)
    static WebArchive withADatasourceThatIsNotThere() {
        return HostWar.withoutSecurity("shop-elsewhere.war", KEY + "=jdbc/no-such-datasource\n");
    }

    @Deployment(name = "malformed-settings", managed = false, testable = false)
    static WebArchive withMalformedSettings() {
        return HostWar.withoutSecurity(
                "shop-malformed.war",
                String.join(
                        "\n",
                        "action-triggers.whitelisted-webhook-endpoint-patterns=http://127\\\\.0\\\\.0\\\\.1:(\\\\d+/hooks/.*",
                        "action-triggers.whitelisted-content-types=ShopOrder,NoSuchEntity",
                        "action-triggers.max-webhook-timeout=soon",
                        "action-triggers.secret-encryption-key=",
                        "action-triggers.brokers.pigeons.type=carrier-pigeon",
                        ""));
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void malformedSettingsOfEveryKindStopTheStartEachNamedWithItsProblem() {
        String output = failedStart("malformed-settings");

        assertThat(output)
                .contains("Invalid Action Triggers settings")
                .contains(
                        "action-triggers.whitelisted-webhook-endpoint-patterns: 'http://127\\.0\\.0\\.1:(\\d+/hooks/.*'"
                                + " is not a valid regex")
                .contains(
                        "action-triggers.whitelisted-content-types: 'NoSuchEntity' is not an entity of this application")
                .contains("action-triggers.max-webhook-timeout: ")
                .contains("action-triggers.secret-encryption-key is not set")
                .contains("action-triggers.brokers.pigeons.type: 'carrier-pigeon' is not a broker type")
                .doesNotContain("Action Triggers started");
    }

    @Test
    void withoutTheDatasourceSettingTheApplicationDoesNotStartAndSaysWhy() {
        assertThat(failedStart("no-datasource")).contains(KEY + " is not set");
    }

    @Test
    void aDatasourceSettingThatNamesNothingStopsTheStartNamingTheSetting() {
        assertThat(failedStart("datasource-elsewhere"))
                .contains(KEY + " 'jdbc/no-such-datasource' names no datasource");
    }

    /**
     * Deploys, expecting the start to fail; what the server and the deployer said about it. WildFly refuses
     * the deployment with the cause; Payara Micro reports the failure only in its log, which both containers
     * copy to the test's output.
     */
    private String failedStart(String deployment) {
        int before = ServerOutput.text().length();
        String refusal = "";
        try {
            deployer.deploy(deployment);
        } catch (Exception e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            refusal = trace.toString();
        } finally {
            try {
                deployer.undeploy(deployment);
            } catch (RuntimeException e) {
                // a deployment that never started may have nothing to undeploy
            }
        }
        return refusal + ServerOutput.text().substring(before);
    }
}
