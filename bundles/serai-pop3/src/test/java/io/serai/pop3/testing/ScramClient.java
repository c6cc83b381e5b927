package io.serai.pop3.testing;

import io.serai.sasl.Scram;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** The client side of SCRAM-SHA-256 (RFC 5802 §3), just enough to log in and check the server's signature. */
public final class ScramClient {

    private final String user;
    private final String password;
    private final String clientNonce = "rOprNGfwEbeRWgbNEkqO";
    private String firstBare;
    private byte[] expectedServerSignature;

    public ScramClient(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** The client-first-message, base64. */
    public String first() {
        firstBare = "n=" + user.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
        return b64("n,," + firstBare);
    }

    /** The client-final-message for the base64 server-first-message. */
    public String last(String serverFirstBase64) throws Exception {
        String serverFirst = new String(Base64.getDecoder().decode(serverFirstBase64), StandardCharsets.UTF_8);
        Map<String, String> attrs = attributes(serverFirst);
        byte[] salt = Base64.getDecoder().decode(attrs.get("s"));
        int iterations = Integer.parseInt(attrs.get("i"));
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        byte[] clientKey = Scram.hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] serverKey = Scram.hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        String withoutProof = "c=biws,r=" + attrs.get("r");
        byte[] authMessage = (firstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] signature = Scram.hmac(Scram.sha256(clientKey), authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        expectedServerSignature = Scram.hmac(serverKey, authMessage);
        return b64(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    }

    /** Whether the base64 server-final-message proves the server knows the credential. */
    public boolean verify(String serverFinalBase64) {
        String serverFinal = new String(Base64.getDecoder().decode(serverFinalBase64), StandardCharsets.UTF_8);
        return ("v=" + Base64.getEncoder().encodeToString(expectedServerSignature)).equals(serverFinal);
    }

    public static String plain(String user, String password) {
        return b64("\0" + user + "\0" + password);
    }

    public static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> attributes(String message) {
        Map<String, String> attrs = new HashMap<>();
        for (String part : message.split(",")) {
            attrs.put(part.substring(0, 1), part.substring(2));
        }
        return attrs;
    }
}
