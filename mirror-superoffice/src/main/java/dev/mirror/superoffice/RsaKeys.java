package dev.mirror.superoffice;

import dev.mirror.api.MirrorException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSA keys in the forms SuperOffice and OpenSSL hand out. SuperOffice issues the application's
 * private key as .NET {@code RSA.ToXmlString(true)} XML ({@code <RSAKeyValue><Modulus>…}); operators
 * may convert it to PEM PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}).
 * SuperOffice's token-signing keys come as X.509 certificates ({@code SuperOfficeFederatedLogin.crt},
 * PEM or DER) or public keys. Error messages name the file, never key material.
 */
public final class RsaKeys {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private RsaKeys() {
    }

    /** Reads the application's private key from a file. */
    public static PrivateKey readPrivateKey(Path file) {
        String text = readText(file, "privateKeyFile");
        try {
            return parsePrivateKey(text);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw MirrorException.configuration("SUPEROFFICE_PRIVATE_KEY",
                    "privateKeyFile " + file + " is not a readable RSA private key (.NET <RSAKeyValue> XML, PEM "
                            + "'BEGIN PRIVATE KEY' or 'BEGIN RSA PRIVATE KEY'): " + e.getClass().getSimpleName());
        }
    }

    /** Parses a private key from .NET RSA XML or PEM text. */
    public static PrivateKey parsePrivateKey(String text) throws GeneralSecurityException {
        String t = text.strip();
        if (t.startsWith("<")) {
            Map<String, BigInteger> v = rsaXml(t);
            for (String n : List.of("Modulus", "Exponent", "P", "Q", "DP", "DQ", "InverseQ", "D")) {
                if (!v.containsKey(n)) {
                    throw new IllegalArgumentException("RSAKeyValue lacks <" + n + ">");
                }
            }
            return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(v.get("Modulus"),
                    v.get("Exponent"), v.get("D"), v.get("P"), v.get("Q"), v.get("DP"), v.get("DQ"), v.get("InverseQ")));
        }
        Matcher m = PEM.matcher(t);
        if (!m.find()) {
            throw new IllegalArgumentException("neither <RSAKeyValue> XML nor PEM");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        return switch (m.group(1)) {
            case "PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1ToPkcs8(der)));
            default -> throw new IllegalArgumentException("PEM block '" + m.group(1) + "' is not a private key");
        };
    }

    /** Reads every public key of the configured SuperOffice certificate / key files. */
    public static List<RSAPublicKey> readPublicKeys(List<Path> files) {
        List<RSAPublicKey> keys = new ArrayList<>();
        for (Path f : files) {
            if (f.toString().isBlank()) {
                throw MirrorException.configuration("SUPEROFFICE_CERTIFICATE", "a superOfficeCertificates entry is empty; "
                        + "give the path of each SuperOffice certificate or public key file (PEM or DER)");
            }
            try {
                keys.addAll(parsePublicKeys(Files.readAllBytes(f)));
            } catch (IOException e) {
                throw MirrorException.configuration("SUPEROFFICE_CERTIFICATE",
                        "cannot read superOfficeCertificates file " + f + ": " + e.getMessage());
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw MirrorException.configuration("SUPEROFFICE_CERTIFICATE", "superOfficeCertificates file " + f
                        + " holds no RSA certificate or public key (PEM, DER or <RSAKeyValue>): " + e.getMessage());
            }
        }
        return keys;
    }

    /** Parses PEM certificates / public keys, a DER certificate, or .NET public-key XML. */
    public static List<RSAPublicKey> parsePublicKeys(byte[] content) throws GeneralSecurityException {
        String text = new String(content, StandardCharsets.US_ASCII).strip();
        List<RSAPublicKey> keys = new ArrayList<>();
        if (text.startsWith("<")) {
            Map<String, BigInteger> v = rsaXml(text);
            keys.add((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(v.get("Modulus"), v.get("Exponent"))));
            return keys;
        }
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "CERTIFICATE" -> keys.add(certificateKey(der));
                case "PUBLIC KEY" -> keys.add(rsa(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der))));
                default -> { } // other blocks (e.g. a private key bundled by mistake) are ignored, never echoed
            }
        }
        if (keys.isEmpty() && !text.contains("-----BEGIN")) {
            keys.add(certificateKey(content)); // a DER .crt
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no CERTIFICATE or PUBLIC KEY block");
        }
        return keys;
    }

    private static RSAPublicKey certificateKey(byte[] der) throws GeneralSecurityException {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        return rsa(cert.getPublicKey());
    }

    private static RSAPublicKey rsa(java.security.PublicKey key) {
        if (key instanceof RSAPublicKey r) {
            return r;
        }
        throw new IllegalArgumentException("key is " + key.getAlgorithm() + ", SuperOffice signs with RSA");
    }

    private static Map<String, BigInteger> rsaXml(String xml) {
        Map<String, BigInteger> values = new HashMap<>();
        try {
            XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(new StringReader(xml));
            try {
                String current = null;
                StringBuilder text = new StringBuilder();
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.DTD) {
                        throw new IllegalArgumentException("DTDs are not allowed");
                    } else if (ev == XMLStreamConstants.START_ELEMENT) {
                        current = r.getLocalName();
                        text.setLength(0);
                    } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                        text.append(r.getText());
                    } else if (ev == XMLStreamConstants.END_ELEMENT && current != null) {
                        String b64 = text.toString().strip();
                        if (!b64.isEmpty()) {
                            values.put(current, new BigInteger(1, Base64.getMimeDecoder().decode(b64)));
                        }
                        current = null;
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("malformed RSAKeyValue XML");
        }
        if (!values.containsKey("Modulus") || !values.containsKey("Exponent")) {
            throw new IllegalArgumentException("RSAKeyValue lacks <Modulus> or <Exponent>");
        }
        return values;
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (RFC 5208): version 0, rsaEncryption, key. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(algorithm);
        body.writeBytes(derHeader(0x04, pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(derHeader(0x30, body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] derHeader(int tag, int length) {
        if (length < 0x80) {
            return new byte[] {(byte) tag, (byte) length};
        }
        int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
        byte[] h = new byte[2 + bytes];
        h[0] = (byte) tag;
        h[1] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            h[2 + i] = (byte) (length >>> (8 * (bytes - 1 - i)));
        }
        return h;
    }

    private static String readText(Path file, String key) {
        if (file.toString().isBlank()) {
            throw MirrorException.configuration("SUPEROFFICE_PRIVATE_KEY", key + " is empty; give the path of the "
                    + "application's RSA private key file (.NET <RSAKeyValue> XML or PEM)");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw MirrorException.configuration("SUPEROFFICE_PRIVATE_KEY", key + " " + file + " is empty; save the "
                        + "application's RSA private key from the SuperOffice developer portal into it");
            }
            return text;
        } catch (IOException e) {
            throw MirrorException.configuration("SUPEROFFICE_PRIVATE_KEY",
                    "cannot read " + key + " " + file + ": " + e.getClass().getSimpleName() + "; check the path and permissions");
        }
    }
}
