package org.actiontriggers.admin.auth;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Checks a user name and password — from HTTP Basic on the API or the console's sign-in form, see {@link
 * AdminAuthenticationMechanism} — against {@link AdminAccounts}; which URL needs which role is declared in
 * {@code WEB-INF/web.xml}.
 */
@ApplicationScoped
@DeclareRoles({Account.ADMIN_ROLE, Account.VIEWER_ROLE})
public class AdminIdentityStore implements IdentityStore {

    @Inject
    AdminAccounts accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.rolesOf(credential.getCaller(), credential.getPassword().getValue())
                .map(roles -> new CredentialValidationResult(credential.getCaller(), roles))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
