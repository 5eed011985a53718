package dev.mirror.superoffice.sim;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Signs tokens as SuperOffice does: RS256, {@code iss "SuperOffice AS"}, {@code aud "spn:<app id>"}, {@code sub}
 * and the ctx claim = the context identifier, a 32-hex nonce, {@code nbf}/{@code exp} six minutes apart.
 * {@link #token(String, UnaryOperator)} lets negative tests alter the claims.
 */
public final class SuperOfficeTokens {
    public static final String CTX_CLAIM = "http://schemes.superoffice.net/identity/ctx";

    private final PrivateKey signingKey;
    private final String applicationId;
    private final Clock clock;

    public SuperOfficeTokens(PrivateKey signingKey, String applicationId, Clock clock) {
        this.signingKey = requireNonNull(signingKey, "signingKey is null");
        this.applicationId = requireNonNull(applicationId, "applicationId is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A valid token for {@code contextId}. */
    public String token(String contextId) {
        return token(contextId, b -> b);
    }

    /** A token whose claims {@code alter} may change before signing. */
    public String token(String contextId, UnaryOperator<JWTClaimsSet.Builder> alter) {
        return sign(alter.apply(claims(contextId)).build(), signingKey);
    }

    /** The claims SuperOffice would send. */
    public JWTClaimsSet.Builder claims(String contextId) {
        Instant now = clock.instant();
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return new JWTClaimsSet.Builder()
                .subject(contextId)
                .claim("nonce", HexFormat.of().withUpperCase().formatHex(nonce))
                .claim(CTX_CLAIM, contextId)
                .notBeforeTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(6))))
                .issuer("SuperOffice AS")
                .audience("spn:" + applicationId);
    }

    /** Signs claims with RS256 and a key. */
    public static String sign(JWTClaimsSet claims, PrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
