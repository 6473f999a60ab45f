package org.actiontriggers.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * The built-in identity store: checks a user name and password — from HTTP Basic on the API or the console's
 * sign-in form, see {@link AdminAuthenticationMechanism} — against {@link AdminAccounts}, and answers with our
 * role names as groups. Vetoed, with the mechanism, when the host signs callers in ({@link SecurityChoice}),
 * so a host's own mechanism never consults our accounts.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    @Inject
    AdminAccounts accounts;

    @Inject
    Caller caller;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        AccessSettings roles = caller.settings();
        return accounts.check(credential.getCaller(), credential.getPassword().getValue())
                .map(account -> new CredentialValidationResult(
                        credential.getCaller(), Set.of(account.admin() ? roles.adminRole() : roles.viewerRole())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
