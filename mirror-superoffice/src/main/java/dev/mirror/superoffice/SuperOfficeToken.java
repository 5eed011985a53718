package dev.mirror.superoffice;

import static java.util.Objects.requireNonNull;

/**
 * The facts of a validated SuperOffice token that the endpoint uses.
 *
 * @param contextId the tenant's context identifier ({@code sub} = the ctx claim)
 * @param nonce     the nonce to sign in the Authenticate answer (may be empty on other calls)
 */
public record SuperOfficeToken(dev.mirror.api.ContextId contextId, String nonce) {
    public SuperOfficeToken {
        requireNonNull(contextId, "contextId is null");
        requireNonNull(nonce, "nonce is null");
    }
}
