package org.actiontriggers.demo;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The seed page's {@code myproject.my_module.fetch_api_key}: a callable that yields an API key at send time,
 * so the key is never stored with the webhook. Allowed in the demo settings as
 * {@code org.actiontriggers.demo.DemoSecrets.fetchApiKey}.
 */
public final class DemoSecrets {

    private DemoSecrets() {}

    /** Reads {@code demo.api-key} from MicroProfile Config; a fixed demo value when unset. */
    public static String fetchApiKey() {
        return ConfigProvider.getConfig()
                .getOptionalValue("demo.api-key", String.class)
                .orElse("demo-api-key");
    }
}
