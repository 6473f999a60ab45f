package org.actiontriggers.trigger;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import org.actiontriggers.settings.BrokerDefinition;

/**
 * A message broker a {@link Config} publishes its payload to, as Django Action Triggers' {@code
 * MessageBrokerQueue}: {@code name} refers to a broker defined in MicroProfile Config ({@link
 * BrokerDefinition}); {@code connDetails} and {@code parameters} override that definition's values for this
 * queue, and their values may hold {@code {{ fully.qualified.Class.member }}} references, resolved only when
 * a message is published (so secrets need not be stored).
 */
@Entity
@Table(name = "action_triggers_broker_queue")
@ExcludeDefaultListeners
@EntityListeners(ConfigChangeListener.class)
public class MessageBrokerQueue {

    @Id
    @SequenceGenerator(name = "broker_queue_seq", sequenceName = "action_triggers_broker_queue_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "broker_queue_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "config_id", nullable = false)
    private Config config;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Convert(converter = HeadersConverter.class)
    @Column(name = "conn_details", length = 65_536)
    private Map<String, String> connDetails = new LinkedHashMap<>();

    @Convert(converter = HeadersConverter.class)
    @Column(name = "parameters", length = 65_536)
    private Map<String, String> parameters = new LinkedHashMap<>();

    @Column(name = "timeout_secs")
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

    public Long getId() {
        return id;
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
