package org.actiontriggers.it;

/** Dynamic header values for the tests, as an application's secret-fetching code would provide them. */
public final class TestSecrets {

    /** The token the seed scenario's Authorization header resolves to. */
    public static final String TOKEN = "it-token-5f2c9a7e1b3d";

    private TestSecrets() {}

    public static String token() {
        return TOKEN;
    }

    /** The RabbitMQ password a queue's conn_details may fetch at send time instead of storing it. */
    public static String brokerPassword() {
        return "guest";
    }

    public static String failing() {
        throw new IllegalStateException("the vault is sealed");
    }

    public static String notAllowed() {
        return "never-resolved";
    }
}
