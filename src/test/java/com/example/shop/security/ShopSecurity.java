package com.example.shop.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** The shop signs its users in with HTTP Basic, against its own identity store. */
@BasicAuthenticationMechanismDefinition(realmName = "shop")
@DeclareRoles({"shop-clerk", "shop-ops", "shop-audit"})
@ApplicationScoped
public class ShopSecurity {}
