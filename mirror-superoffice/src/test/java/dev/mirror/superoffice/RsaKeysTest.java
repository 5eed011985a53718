package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.superoffice.sim.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RsaKeysTest {
    private final KeyPair pair = TestKeys.generate();

    @Test
    void readsDotNetXmlPkcs8AndPkcs1AndTheyAllSignTheSame(@TempDir Path dir) throws Exception {
        PrivateKey xml = RsaKeys.readPrivateKey(TestKeys.write(dir, "k.xml", TestKeys.privateDotNetXml(pair)));
        PrivateKey pkcs8 = RsaKeys.readPrivateKey(TestKeys.write(dir, "k.pem", TestKeys.privatePkcs8Pem(pair)));
        byte[] pkcs1 = pkcs1Of(pair.getPrivate().getEncoded());
        String pem1 = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1) + "\n-----END RSA PRIVATE KEY-----\n";
        PrivateKey rsa1 = RsaKeys.readPrivateKey(TestKeys.write(dir, "k1.pem", pem1));
        for (PrivateKey k : List.of(xml, pkcs8, rsa1)) {
            assertThat(k.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        }
    }

    @Test
    void signsTheApplicationTokenAsSuperOfficeExpects() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2021-09-16T11:25:31Z"), ZoneOffset.UTC);
        String token = new ApplicationTokenSigner(pair.getPrivate(), clock).sign("BDB65A558F193A8DD88E50E7416C0D86");
        String[] p = token.split("\\.");
        assertThat(p[0] + "." + p[1]).isEqualTo("BDB65A558F193A8DD88E50E7416C0D86.202109161125");
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(pair.getPublic());
        v.update((p[0] + "." + p[1]).getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(Base64.getDecoder().decode(p[2]))).isTrue();
    }

    @Test
    void readsCertificatesAndPublicKeys(@TempDir Path dir) throws Exception {
        Path pub = TestKeys.write(dir, "so.pem", TestKeys.publicPem(pair));
        assertThat(RsaKeys.readPublicKeys(List.of(pub))).singleElement().isEqualTo(pair.getPublic());
    }

    @Test
    void badFilesGiveClearErrorsWithoutKeyMaterial(@TempDir Path dir) {
        String xml = TestKeys.privateDotNetXml(pair);
        Path broken = TestKeys.write(dir, "broken.xml", xml.replace("<D>", "<X>").replace("</D>", "</X>"));
        assertThatThrownBy(() -> RsaKeys.readPrivateKey(broken)).isInstanceOf(MirrorException.class)
                .hasMessageContaining("broken.xml").hasMessageNotContaining(xml.substring(30, 60));
        assertThatThrownBy(() -> RsaKeys.readPrivateKey(dir.resolve("missing.xml"))).hasMessageContaining("cannot read privateKeyFile");
        Path dtd = TestKeys.write(dir, "dtd.xml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><RSAKeyValue><Modulus>&e;</Modulus></RSAKeyValue>");
        assertThatThrownBy(() -> RsaKeys.readPrivateKey(dtd)).isInstanceOf(MirrorException.class);
        Path notCert = TestKeys.write(dir, "x.pem", "hello");
        assertThatThrownBy(() -> RsaKeys.readPublicKeys(List.of(notCert))).isInstanceOf(MirrorException.class)
                .hasMessageContaining("x.pem");
    }

    /** Extracts the PKCS#1 RSAPrivateKey from a PKCS#8 encoding (its OCTET STRING payload). */
    private static byte[] pkcs1Of(byte[] pkcs8) {
        // PKCS#8 from the JDK: SEQ { INT 0, SEQ {OID, NULL}, OCTET STRING { pkcs1 } }; the octet string starts after 26 bytes
        int i = 0;
        i += 1; // SEQ tag
        i += (pkcs8[i] & 0x80) != 0 ? 1 + (pkcs8[i] & 0x7f) : 1;
        i += 3; // INT 0
        i += 15; // algorithm identifier
        i += 1; // OCTET STRING tag
        int len;
        if ((pkcs8[i] & 0x80) != 0) {
            int n = pkcs8[i] & 0x7f;
            len = 0;
            for (int k = 1; k <= n; k++) {
                len = (len << 8) | (pkcs8[i + k] & 0xff);
            }
            i += 1 + n;
        } else {
            len = pkcs8[i];
            i += 1;
        }
        return Arrays.copyOfRange(pkcs8, i, i + len);
    }
}
