package org.actiontriggers.trigger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Links a {@link Config} to one {@link Signal} it fires on, as Django Action Triggers' {@code ConfigSignal}. */
@Entity
@Table(name = "action_triggers_config_signal")
@ExcludeDefaultListeners
@EntityListeners(ConfigChangeListener.class)
public class ConfigSignal {

    @Id
    @SequenceGenerator(
            name = "config_signal_seq",
            sequenceName = "action_triggers_config_signal_seq",
            allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "config_signal_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "config_id", nullable = false)
    private Config config;

    @Enumerated(EnumType.STRING)
    @Column(name = "signal", nullable = false, length = 20)
    private Signal signal;

    public ConfigSignal() {}

    /** The seed page's step 4: {@code ConfigSignal.objects.create(config=…, signal=SignalChoices.POST_SAVE)}. */
    public ConfigSignal(Config config, Signal signal) {
        this.config = config;
        this.signal = signal;
    }

    public Long getId() {
        return id;
    }

    public Config getConfig() {
        return config;
    }

    public Signal getSignal() {
        return signal;
    }

    public void setSignal(Signal signal) {
        this.signal = signal;
    }
}
