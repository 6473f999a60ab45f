package org.actiontriggers.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretMaskerTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Authorization       | Bearer {{ org.example.Secrets.token }} | Bearer {{ org.example.Secrets.token }}",
                "Authorization       | Bearer abc                             | Bearer ****",
                "authorization       | Basic dXNlcjpwYXNz                     | Basic ****",
                "Authorization       | s3cr3t                                 | ****",
                "Authorization       | Bearer {{ a.b }}.suffix                | Bearer {{ a.b }}****",
                "X-Api-Key           | short                                  | ****",
                "ApiKey              | {{ org.example.Secrets.key }}          | {{ org.example.Secrets.key }}",
                "X-Auth-Token        | abc def                                | **** ****",
                "X-Client-Secret     | hunter2                                | ****",
                "Cookie              | session=abc                            | ****",
                "X-Db-Password       | pw                                     | ****",
                "Content-Type        | application/json                       | application/json",
                "Accept              | application/vnd.example+json           | application/vnd.example+json",
                "X-Tenant            | acme                                   | acme",
                "X-Custom            | sk_live_4eC39HqLyjWDarjtT1zdp7dc       | ****",
                "X-Custom            | id=0123456789abcdefXYZ; mode=fast      | ****; mode=fast",
                "X-Request-Source    | a-very-long-name-without-digits        | a-very-long-name-without-digits",
            })
    void credentialsAreMaskedAndReferencesShownAsWritten(String name, String value, String shown) {
        assertThat(SecretMasker.mask(name, value)).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "X-Api-Key", "x-auth-token", "Client-Secret", "Cookie", "DB-Password"})
    void credentialHeaderNamesAreRecognised(String name) {
        assertThat(SecretMasker.isCredentialHeader(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "Accept", "X-Tenant", "User-Agent"})
    void otherHeaderNamesAreNot(String name) {
        assertThat(SecretMasker.isCredentialHeader(name)).isFalse();
    }

    @Test
    void headersKeepTheirOrderAndNullStaysNull() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer topsecretvalue");

        assertThat(SecretMasker.maskHeaders(headers))
                .containsExactly(
                        Map.entry("Content-Type", "application/json"), Map.entry("Authorization", "Bearer ****"));
        assertThat(SecretMasker.mask("Authorization", null)).isNull();
    }
}
