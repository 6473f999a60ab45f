package org.actiontriggers.it.host;

import static org.actiontriggers.it.ApiClient.CONSOLE;
import static org.actiontriggers.it.ApiClient.TRIGGERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actiontriggers.it.ApiClient;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shop without any security of its own gets Action Triggers' built-in sign-in, with an admin password
 * generated and shown once; and a shop whose datasource setting is missing or names nothing does not start,
 * saying which setting is wrong.
 */
@ExtendWith({ServerOutput.class, ArquillianExtension.class})
class HostStartUpIT {

    private static final String KEY = "action-triggers.datasource";
    private static final Pattern GENERATED = Pattern.compile("It is shown only this once:\\s+([A-Za-z0-9]{24})\\s");

    @Deployment(name = "plain", testable = false)
    static WebArchive plainShop() {
        return HostWar.withoutSecurity("plain-shop.war", "");
    }

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
    void aShopWithoutItsOwnSignInGetsTheBuiltInOneWithAGeneratedPassword(
            @ArquillianResource @OperateOnDeployment("plain") URL deployed) throws Exception {
        ApiClient anonymous = ApiClient.anonymous(HostApplicationIT.loopback(deployed));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> GENERATED.matcher(ServerOutput.text()).find());
        Matcher generated = GENERATED.matcher(ServerOutput.text());
        assertThat(generated.find()).isTrue();

        HttpResponse<String> unsigned = anonymous.get(TRIGGERS);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Action Triggers\"");
        assertThat(anonymous.as("admin", "not-the-password").get(TRIGGERS).statusCode())
                .isEqualTo(401);
        assertThat(anonymous.as("admin", generated.group(1)).get(TRIGGERS).statusCode())
                .isEqualTo(200);
        assertThat(anonymous.get(CONSOLE + "login.xhtml").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("api/catalog").body()).isEqualTo("widget, gadget");
        assertThat(anonymous.get("api/orders").statusCode()).isEqualTo(200);
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
