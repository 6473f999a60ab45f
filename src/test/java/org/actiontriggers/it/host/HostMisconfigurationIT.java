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
 * A shop whose datasource setting is missing or names nothing does not start, saying which setting is wrong.
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

    @ArquillianResource
    Deployer deployer;

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
