package dev.mirror.superoffice.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;

/** RSA key pairs made at test time, and the file forms the endpoint reads (PEM, .NET RSA XML). */
public final class TestKeys {
    private TestKeys() {
    }

    /** A fresh 2048-bit RSA key pair. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a PEM "PUBLIC KEY" block. */
    public static String publicPem(KeyPair pair) {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    /** The private key as a PEM PKCS#8 "PRIVATE KEY" block. */
    public static String privatePkcs8Pem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    /** The private key as .NET {@code RSA.ToXmlString(true)} writes it. */
    public static String privateDotNetXml(KeyPair pair) {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
        return "<RSAKeyValue><Modulus>" + b64(k.getModulus()) + "</Modulus><Exponent>" + b64(k.getPublicExponent())
                + "</Exponent><P>" + b64(k.getPrimeP()) + "</P><Q>" + b64(k.getPrimeQ()) + "</Q><DP>" + b64(k.getPrimeExponentP())
                + "</DP><DQ>" + b64(k.getPrimeExponentQ()) + "</DQ><InverseQ>" + b64(k.getCrtCoefficient())
                + "</InverseQ><D>" + b64(k.getPrivateExponent()) + "</D></RSAKeyValue>";
    }

    /** Writes text to a file in {@code dir} and returns it. */
    public static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String b64(BigInteger n) {
        byte[] b = n.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = Arrays.copyOfRange(b, 1, b.length); // .NET writes unsigned big-endian
        }
        return Base64.getEncoder().encodeToString(b);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
