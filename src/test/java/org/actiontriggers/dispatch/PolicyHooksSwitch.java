package org.actiontriggers.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The benchmark's switch for the A/B of the policy code (case 12): with it off, the dispatcher claims and
 * finishes as if no {@link ClaimFilter} or {@link OutcomeObserver} were deployed. Lives in the bench WAR only.
 */
@ApplicationScoped
public class PolicyHooksSwitch {

    @Inject
    Hooks hooks;

    /** Turns the policy hooks on or off for the claims and finishes that start from now. */
    public void policyHooks(boolean on) {
        hooks.bypass(!on);
    }
}
