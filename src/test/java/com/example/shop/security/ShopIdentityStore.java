package com.example.shop.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Map;
import java.util.Set;

/**
 * The shop's users and their groups: clerks take orders; operations may also run Action Triggers (the shop
 * sets {@code action-triggers.roles.admin=shop-ops}); auditors may read it ({@code shop-audit}).
 */
@ApplicationScoped
public class ShopIdentityStore implements IdentityStore {

    private record User(String password, Set<String> groups) {}

    private static final Map<String, User> USERS = Map.of(
            "olivia", new User("ops-password", Set.of("shop-ops", "shop-clerk")),
            "aaron", new User("audit-password", Set.of("shop-audit")),
            "carl", new User("clerk-password", Set.of("shop-clerk")));

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        User user = USERS.get(credential.getCaller());
        if (user == null || !user.password().equals(credential.getPasswordAsString())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(credential.getCaller(), user.groups());
    }
}
