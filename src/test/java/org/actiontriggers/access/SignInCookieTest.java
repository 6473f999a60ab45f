package org.actiontriggers.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInCookieTest {

    @Test
    void theCookieIsHttpOnlyStrictLimitedToOurPathsAndSecureOverTls() {
        assertThat(SignInCookie.header("/shop", "abc", true, false))
                .isEqualTo(
                        "action-triggers-sign-in=abc; Path=/shop/action-triggers/; HttpOnly; SameSite=Strict; Secure");
        assertThat(SignInCookie.header("", "abc", false, false))
                .isEqualTo("action-triggers-sign-in=abc; Path=/action-triggers/; HttpOnly; SameSite=Strict");
        assertThat(SignInCookie.header("/shop", "", false, true))
                .startsWith("action-triggers-sign-in=; Path=/shop/action-triggers/; Max-Age=0;");
    }
}
