package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import dev.mirror.superoffice.sim.SuperOfficeTokens;
import dev.mirror.superoffice.sim.TestKeys;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenValidatorTest {
    private static final String APP = "app123";
    private final KeyPair so = TestKeys.generate();
    private final KeyPair other = TestKeys.generate();
    private final SuperOfficeTokens tokens = new SuperOfficeTokens(so.getPrivate(), APP, Clock.systemUTC());
    private final TokenValidator validator = new TokenValidator(List.of((RSAPublicKey) other.getPublic(), (RSAPublicKey) so.getPublic()),
            APP, Duration.ofSeconds(60), Clock.systemUTC());

    @Test
    void aGoodTokenGivesContextAndNonce() {
        SuperOfficeToken t = validator.validate(tokens.token("Cust10003"));
        assertThat(t.contextId().value()).isEqualTo("Cust10003");
        assertThat(t.nonce()).matches("[0-9A-F]{32}");
    }

    @Test
    void wrongIssuer() {
        rejected(b -> b.issuer("Evil Corp"), "issuer is not 'SuperOffice AS'");
    }

    @Test
    void wrongAudience() {
        rejected(b -> b.audience("spn:someone-else"), "audience is not 'spn:app123'");
    }

    @Test
    void expired() {
        Instant now = Instant.now();
        rejected(b -> b.notBeforeTime(Date.from(now.minusSeconds(900))).expirationTime(Date.from(now.minusSeconds(120))), "expired");
    }

    @Test
    void withinSkewIsAccepted() {
        Instant now = Instant.now();
        String t = tokens.token("C1", b -> b.notBeforeTime(Date.from(now.minusSeconds(400))).expirationTime(Date.from(now.minusSeconds(30))));
        assertThat(validator.validate(t).contextId().value()).isEqualTo("C1");
    }

    @Test
    void notYetValid() {
        Instant now = Instant.now();
        rejected(b -> b.notBeforeTime(Date.from(now.plusSeconds(300))).expirationTime(Date.from(now.plusSeconds(600))), "not valid before");
    }

    @Test
    void ctxDifferentFromSub() {
        rejected(b -> b.claim(SuperOfficeTokens.CTX_CLAIM, "Cust99999"), "context claim does not equal its subject");
    }

    @Test
    void ctxWithForbiddenCharacters() {
        rejected(b -> b.subject("Cust;drop").claim(SuperOfficeTokens.CTX_CLAIM, "Cust;drop"), "context identifier 'Cust;drop' is invalid (it contains characters other than letters, digits and '_')");
    }

    @Test
    void badSignature() {
        String token = SuperOfficeTokens.sign(tokens.claims("Cust1").build(), TestKeys.generate().getPrivate());
        assertRejected(token, "signature does not verify");
    }

    @Test
    void tamperedPayload() {
        String good = tokens.token("Cust1");
        String[] p = good.split("\\.");
        String evil = com.nimbusds.jose.util.Base64URL.encode(tokens.claims("Cust2").build().toString()).toString();
        assertRejected(p[0] + "." + evil + "." + p[2], "signature does not verify");
    }

    @Test
    void unsignedAlgNone() {
        String token = new PlainJWT(new PlainHeader(), tokens.claims("Cust1").build()).serialize();
        assertRejected(token, "not a signed JWT");
        assertRejected(token + "AAAA", "");
    }

    @Test
    void hmacWithThePublicKeyAsSecretIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), tokens.claims("Cust1").build());
        byte[] secret = so.getPublic().getEncoded();
        jwt.sign(new MACSigner(java.util.Arrays.copyOf(secret, Math.max(secret.length, 32))));
        assertRejected(jwt.serialize(), "only RS256");
    }

    @Test
    void missingOrGarbageToken() {
        assertRejected(null, "no SignedToken");
        assertRejected("   ", "no SignedToken");
        assertRejected("not-a-jwt", "not a signed JWT");
    }

    @Test
    void rejectedInBandOverHttpWithoutEchoingTheToken(@TempDir Path dir) {
        try (EndpointFixture f = new EndpointFixture(dir)) {
            String bad = f.sim.tokens().token("Cust1", b -> b.audience("spn:wrong"));
            SuperOfficeSimulator.Answer a = f.sim.call("TableSchema", bad,
                    "<TableSchemaRequest xmlns=\"" + SuperOfficeSimulator.NS + "\"><ClientState/><Tables/></TableSchemaRequest>");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.member("IsSuccessful")).isEqualTo("false");
            assertThat(a.member("ErrorMessage")).startsWith("Authentication failed:").contains("audience");
            assertThat(a.body()).doesNotContain(bad).doesNotContain(bad.split("\\.")[1]).doesNotContain(bad.split("\\.")[2]);
            assertThat(f.sessions.existing("Cust1")).isNull();
            SuperOfficeSimulator.Answer none = f.sim.call("Wipe", null,
                    "<WipeRequest xmlns=\"" + SuperOfficeSimulator.NS + "\"><TableName>x</TableName></WipeRequest>");
            assertThat(none.member("ErrorMessage")).contains("no SignedToken");
            // and the server keeps serving
            assertThat(f.sim.authenticate("Cust1")).isNotBlank();
        }
    }

    private void rejected(UnaryOperator<JWTClaimsSet.Builder> alter, String expected) {
        assertRejected(tokens.token("Cust1", alter), expected);
    }

    private void assertRejected(String token, String expected) {
        assertThatThrownBy(() -> validator.validate(token))
                .isInstanceOf(TokenValidator.InvalidTokenException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> {
                    if (token != null && token.length() > 20) {
                        for (String part : token.split("\\.")) {
                            if (part.length() > 8) {
                                assertThat(e.getMessage()).doesNotContain(part);
                            }
                        }
                    }
                });
    }
}
