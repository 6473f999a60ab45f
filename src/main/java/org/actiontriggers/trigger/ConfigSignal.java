package org.actiontriggers.trigger;

/** Links a {@link Config} to one {@link Signal} it fires on, as Django Action Triggers' {@code ConfigSignal}. */
public class ConfigSignal {

    private Long id;
    private Config config;
    private Signal signal;

    public ConfigSignal() {}

    /** The seed page's step 4: {@code ConfigSignal.objects.create(config=…, signal=SignalChoices.POST_SAVE)}. */
    public ConfigSignal(Config config, Signal signal) {
        this.config = config;
        this.signal = signal;
    }

    /** {@code null} until the signal is saved. */
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

    public Signal getSignal() {
        return signal;
    }

    public void setSignal(Signal signal) {
        this.signal = signal;
    }
}
