package org.actiontriggers.it.host;

import static org.actiontriggers.it.ApiClient.CONSOLE;
import static org.actiontriggers.it.ApiClient.TRIGGERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actiontriggers.it.ApiClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shop without any security of its own gets Action Triggers' built-in sign-in, with an admin password
 * generated and shown once. (A shop whose datasource setting is wrong: {@link HostMisconfigurationIT}.)
 */
@ExtendWith({ServerOutput.class, ArquillianExtension.class})
class HostStartUpIT {

    private static final Pattern GENERATED = Pattern.compile("It is shown only this once:\\s+([A-Za-z0-9]{24})\\s");

    @Deployment(name = "plain", testable = false)
    static WebArchive plainShop() {
        return HostWar.withoutSecurity("plain-shop.war", "");
    }

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
}
