package dev.mirror.superoffice;

import dev.mirror.api.ContextId;
import dev.mirror.api.MirrorException;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates the {@code SignedToken} JWT that SuperOffice puts in the SOAP header of every call: RS256
 * only (refusing {@code none} and HMAC, so a public key can never be used as an HMAC secret), a signature
 * by one of the configured SuperOffice keys, {@code iss = "SuperOffice AS"}, {@code aud = "spn:<app id>"},
 * {@code nbf}/{@code exp} within the allowed skew, and the ctx claim equal to {@code sub}. Messages say
 * which check failed and never contain the token or any of its parts.
 */
public final class TokenValidator {
    /** The issuer SuperOffice writes in its tokens. */
    public static final String ISSUER = "SuperOffice AS";
    /** The context claim, spelled "schemes" as in the real tokens. */
    public static final String CTX_CLAIM = "http://schemes.superoffice.net/identity/ctx";
    private static final int MAX_TOKEN_CHARS = 16 * 1024;

    private final List<RSAPublicKey> keys;
    private final String audience;
    private final Duration skew;
    private final Clock clock;

    public TokenValidator(List<RSAPublicKey> keys, String applicationId, Duration skew, Clock clock) {
        this.keys = List.copyOf(requireNonNull(keys, "keys is null"));
        this.audience = "spn:" + requireNonNull(applicationId, "applicationId is null");
        this.skew = requireNonNull(skew, "skew is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Validates a token.
     *
     * @throws InvalidTokenException saying which check failed (never the token)
     */
    public SuperOfficeToken validate(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("the SOAP header carries no SignedToken; SuperOffice signs every call");
        }
        String t = token.strip();
        if (t.length() > MAX_TOKEN_CHARS) {
            throw new InvalidTokenException("the SignedToken is longer than " + MAX_TOKEN_CHARS + " characters");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(t);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw new InvalidTokenException("the SignedToken is not a signed JWT (JWS compact form); unsigned tokens are refused");
        }
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!JWSAlgorithm.RS256.equals(alg)) {
            throw new InvalidTokenException("the SignedToken uses algorithm " + alg + "; only RS256 (SuperOffice's) is accepted");
        }
        if (!verified(jwt)) {
            throw new InvalidTokenException("the SignedToken's signature does not verify against any configured "
                    + "superOfficeCertificates (" + keys.size() + " key(s)); check the certificate of this SuperOffice environment");
        }
        if (!ISSUER.equals(claims.getIssuer())) {
            throw new InvalidTokenException("the SignedToken's issuer is not '" + ISSUER + "'");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new InvalidTokenException("the SignedToken is not for this application (audience is not '" + audience
                    + "'); check applicationId");
        }
        Instant now = clock.instant();
        Date nbf = claims.getNotBeforeTime();
        Date exp = claims.getExpirationTime();
        if (exp == null || nbf == null) {
            throw new InvalidTokenException("the SignedToken lacks nbf or exp");
        }
        if (now.isAfter(exp.toInstant().plus(skew))) {
            throw new InvalidTokenException("the SignedToken expired at " + exp.toInstant() + " (now " + now
                    + ", allowed skew " + skew.toSeconds() + " s); check this server's clock");
        }
        if (now.isBefore(nbf.toInstant().minus(skew))) {
            throw new InvalidTokenException("the SignedToken is not valid before " + nbf.toInstant() + " (now " + now
                    + ", allowed skew " + skew.toSeconds() + " s); check this server's clock");
        }
        String sub = claims.getSubject();
        Object ctx = claims.getClaim(CTX_CLAIM);
        if (sub == null || !(ctx instanceof String) || !sub.equals(ctx)) {
            throw new InvalidTokenException("the SignedToken's context claim does not equal its subject");
        }
        ContextId contextId;
        try {
            contextId = ContextId.of(sub);
        } catch (MirrorException e) {
            // answered in-band to the caller: say what is wrong with its id and what is allowed
            throw new InvalidTokenException("the SignedToken's " + e.getMessage());
        }
        Object nonce = claims.getClaim("nonce");
        return new SuperOfficeToken(contextId, nonce instanceof String s ? s : "");
    }

    private boolean verified(SignedJWT jwt) {
        for (RSAPublicKey key : keys) {
            try {
                if (jwt.verify(new RSASSAVerifier(key))) {
                    return true;
                }
            } catch (JOSEException e) {
                // try the next key
            }
        }
        return false;
    }

    /** A token that fails validation; the message is safe to send back and to log. */
    public static final class InvalidTokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidTokenException(String message) {
            super(message);
        }
    }
}
