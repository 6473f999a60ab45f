package org.actiontriggers.trigger;

import java.util.LinkedHashMap;
import java.util.Map;
import org.actiontriggers.settings.BrokerDefinition;

/**
 * A message broker a {@link Config} publishes its payload to, as Django Action Triggers' {@code
 * MessageBrokerQueue}: {@code name} refers to a broker defined in MicroProfile Config ({@link
 * BrokerDefinition}); {@code connDetails} and {@code parameters} override that definition's values for this
 * queue, and their values may hold {@code {{ fully.qualified.Class.member }}} references, resolved only when
 * a message is published (so secrets need not be stored). A plain object, saved with its config by {@link
 * ConfigRepository}.
 */
public class MessageBrokerQueue {

    private Long id;
    private Config config;
    private String name;
    private Map<String, String> connDetails = new LinkedHashMap<>();
    private Map<String, String> parameters = new LinkedHashMap<>();
    private Double timeoutSecs;

    public MessageBrokerQueue() {}

    /** Adds the queue to the config: {@code MessageBrokerQueue.objects.create(config=…, name=…, …)}. */
    public MessageBrokerQueue(
            Config config,
            String name,
            Map<String, String> connDetails,
            Map<String, String> parameters,
            Double timeoutSecs) {
        this.name = name;
        setConnDetails(connDetails);
        setParameters(parameters);
        this.timeoutSecs = timeoutSecs;
        if (config != null) {
            config.addBrokerQueue(this);
        }
    }

    /** {@code null} until the queue is saved. */
    public Long getId() {
        return id;
    }

    void setId(Long id) {
        this.id = id;
    }

    public Config getConfig() {
        return config;
    }

    void setConfig(Config config) {
        this.config = config;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Connection details that override the broker definition's, e.g. a password from a dynamic path. */
    public Map<String, String> getConnDetails() {
        return connDetails;
    }

    public void setConnDetails(Map<String, String> connDetails) {
        this.connDetails = connDetails == null ? new LinkedHashMap<>() : new LinkedHashMap<>(connDetails);
    }

    /** Message parameters (exchange, queue, topic, channel, …) that override the broker definition's. */
    public Map<String, String> getParameters() {
        return parameters;
    }

    public void setParameters(Map<String, String> parameters) {
        this.parameters = parameters == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parameters);
    }

    public Double getTimeoutSecs() {
        return timeoutSecs;
    }

    public void setTimeoutSecs(Double timeoutSecs) {
        this.timeoutSecs = timeoutSecs;
    }
}
