package dev.mirror.superoffice;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Makes the {@code SignedApplicationToken} of the Authenticate answer, as SuperOffice's own library does
 * ({@code RSACryptoServiceProvider.SignData(UTF8("nonce.yyyyMMddHHmm"), "SHA256")}): the nonce, the UTC
 * time to the minute, and the Base64 of the SHA256withRSA (PKCS#1 v1.5) signature, joined by dots.
 * SuperOffice accepts up to 15 minutes of clock drift.
 */
public final class ApplicationTokenSigner {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

    private final PrivateKey key;
    private final Clock clock;

    public ApplicationTokenSigner(PrivateKey key, Clock clock) {
        this.key = requireNonNull(key, "key is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** {@code nonce + "." + yyyyMMddHHmm + "." + Base64(signature)}. */
    public String sign(String nonce) {
        requireNonNull(nonce, "nonce is null");
        String signThis = nonce + "." + MINUTE.format(clock.instant());
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signThis.getBytes(StandardCharsets.UTF_8));
            return signThis + "." + Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the application token with the configured private key ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
