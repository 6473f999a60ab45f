package org.actiontriggers.admin;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.actiontriggers.secret.SecretCipher;
import org.actiontriggers.secret.SecretReEncryption;
import org.actiontriggers.secret.SigningSecrets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /action-triggers/api/action-triggers/secret-keys}: which encryption keys are in force (by id, never
 * the keys) and the re-encryption run that moves every stored signing secret to the current one.
 */
@Path("action-triggers/secret-keys")
@AdminApi
@Tag(name = "Secret encryption keys")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SecretKeysResource {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final int DEFAULT_BATCH_SIZE = 100;

    @Inject
    Provider<SecretCipher> cipher;

    @Inject
    SigningSecrets secrets;

    @Inject
    SecretReEncryption reEncryption;

    @GET
    @Operation(
            summary =
                    "The ids of the current and previous keys and how many webhooks are not yet under the current one")
    @APIResponse(responseCode = "200", description = "{current_key_id, previous_key_ids, not_under_current_key}")
    public JsonObject keys() {
        SecretCipher keys = cipher.get();
        return JSON.createObjectBuilder()
                .add("current_key_id", keys.currentKeyId())
                .add("previous_key_ids", JSON.createArrayBuilder(keys.previousKeyIds()))
                .add("not_under_current_key", secrets.notUnderCurrentKey())
                .build();
    }

    @POST
    @Path("re-encryption")
    @Operation(
            summary = "Re-encrypts the stored signing secrets under the current key",
            description = "In batches of batch_size (default 100), each committed on its own; max_batches stops"
                    + " early (0: run to the end). Resumable and idempotent: a later run continues where this one"
                    + " stopped, and changes nothing once everything is moved.")
    @APIResponse(
            responseCode = "200",
            description = "{key_id, batches, re_encrypted, undecryptable: [webhook id], remaining}")
    public JsonObject reEncrypt(
            @QueryParam("batch_size") String batchSize, @QueryParam("max_batches") String maxBatches) {
        SecretReEncryption.Report report = reEncryption.run(
                QueryParameters.number("batch_size", batchSize, DEFAULT_BATCH_SIZE, 1, 10_000),
                QueryParameters.number("max_batches", maxBatches, 0, 0, 1_000_000));
        return JSON.createObjectBuilder()
                .add("key_id", report.keyId())
                .add("batches", report.batches())
                .add("re_encrypted", report.reEncrypted())
                .add("undecryptable", JSON.createArrayBuilder(report.undecryptable()))
                .add("remaining", report.remaining())
                .build();
    }
}
