package io.serai.sasl.internal;

import io.serai.sasl.CredentialStore;
import io.serai.sasl.SaslMechanisms;
import io.serai.sasl.SaslServer;
import io.serai.sasl.SaslStep;
import io.serai.sasl.Scram;
import io.serai.sasl.ScramCredential;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The server side of SCRAM-SHA-256 (RFC 5802 §5, RFC 7677) without channel binding: client-first →
 * server-first → client-final → server-final.
 */
public final class ScramSha256Server implements SaslServer {

    private enum State { CLIENT_FIRST, CLIENT_FINAL, DONE }

    private final CredentialStore credentials;
    private final String serverNonce;
    private final byte[] mockSecret;
    private State state = State.CLIENT_FIRST;

    private String gs2Header;
    private String user;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private ScramCredential credential;

    /** @param mockSecret keys the salts of the mock credentials of unknown users (RFC 5802 §5.1) */
    public ScramSha256Server(CredentialStore credentials, String serverNonce, byte[] mockSecret) {
        this.credentials = credentials;
        this.serverNonce = serverNonce;
        this.mockSecret = mockSecret;
    }

    @Override
    public String mechanismName() {
        return SaslMechanisms.SCRAM_SHA_256;
    }

    @Override
    public SaslStep start(byte[] initialResponse) {
        // SCRAM is client-first: without an initial response send an empty challenge (RFC 4422 §5)
        if (initialResponse == null || initialResponse.length == 0) {
            return new SaslStep.Challenge(new byte[0]);
        }
        return evaluate(initialResponse);
    }

    @Override
    public SaslStep evaluate(byte[] response) {
        String message = new String(response, StandardCharsets.UTF_8);
        return switch (state) {
            case CLIENT_FIRST -> clientFirst(message);
            case CLIENT_FINAL -> clientFinal(message);
            case DONE -> SaslStep.malformed("exchange already finished");
        };
    }

    private SaslStep clientFirst(String message) {
        state = State.DONE;
        // gs2-header = gs2-cbind-flag "," [authzid] ","  (RFC 5802 §7)
        int firstComma = message.indexOf(',');
        int secondComma = firstComma < 0 ? -1 : message.indexOf(',', firstComma + 1);
        if (secondComma < 0) {
            return SaslStep.malformed("client-first-message lacks a gs2 header");
        }
        String cbind = message.substring(0, firstComma);
        if (cbind.startsWith("p=")) {
            // we do not advertise SCRAM-SHA-256-PLUS, so channel binding cannot be negotiated
            return SaslStep.failure("channel binding not supported");
        }
        if (!cbind.equals("n") && !cbind.equals("y")) {
            return SaslStep.malformed("bad gs2-cbind-flag");
        }
        gs2Header = message.substring(0, secondComma + 1);
        clientFirstBare = message.substring(secondComma + 1);
        String[] attributes = clientFirstBare.split(",", -1);
        if (attributes.length < 2 || !attributes[0].startsWith("n=") || !attributes[1].startsWith("r=")
                || attributes[1].length() < 3) {
            return SaslStep.malformed("client-first-message-bare must start with n= and r=");
        }
        if (clientFirstBare.startsWith("m=")) {
            return SaslStep.malformed("mandatory extensions are not supported");
        }
        Optional<String> decodedUser = decodeSaslName(attributes[0].substring(2));
        if (decodedUser.isEmpty() || decodedUser.get().isEmpty()) {
            return SaslStep.malformed("bad user name encoding");
        }
        user = decodedUser.get();
        String authzid = message.substring(firstComma + 1, secondComma);
        if (!authzid.isEmpty() && !("a=" + attributes[0].substring(2)).equals(authzid)) {
            return SaslStep.failure("authorization identity differs from authentication identity");
        }
        // RFC 5802 §5.1: an unknown user gets a mock challenge with a stable salt, and fails only at the proof,
        // so the exchange does not reveal which users exist
        credential = credentials.scramCredential(user).orElseGet(this::mockCredential);
        nonce = attributes[1].substring(2) + serverNonce;
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(credential.salt())
                + ",i=" + credential.iterations();
        state = State.CLIENT_FINAL;
        return new SaslStep.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private SaslStep clientFinal(String message) {
        state = State.DONE;
        int proofAt = message.lastIndexOf(",p=");
        if (!message.startsWith("c=") || proofAt < 0) {
            return SaslStep.malformed("client-final-message must be c=...,r=...,p=...");
        }
        String withoutProof = message.substring(0, proofAt);
        String[] attributes = withoutProof.split(",", -1);
        if (attributes.length < 2 || !attributes[1].startsWith("r=")) {
            return SaslStep.malformed("client-final-message lacks the nonce");
        }
        String expectedBinding = Base64.getEncoder()
                .encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        if (!attributes[0].equals("c=" + expectedBinding)) {
            return SaslStep.failure("channel binding data does not match the gs2 header");
        }
        if (!attributes[1].substring(2).equals(nonce)) {
            return SaslStep.failure("nonce mismatch");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            return SaslStep.malformed("proof is not base64");
        }
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = Scram.hmac(credential.storedKey(), authMessage);
        if (proof.length != clientSignature.length) {
            return SaslStep.failure("invalid proof");
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!MessageDigest.isEqual(Scram.sha256(clientKey), credential.storedKey())) {
            return SaslStep.failure("invalid proof");
        }
        byte[] serverSignature = Scram.hmac(credential.serverKey(), authMessage);
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
        return new SaslStep.Success(user, serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    private ScramCredential mockCredential() {
        byte[] salt = java.util.Arrays.copyOf(Scram.hmac(mockSecret, user.getBytes(StandardCharsets.UTF_8)), 16);
        byte[] unusable = new byte[32]; // no client key hashes to all zeroes
        return new ScramCredential(salt, Scram.DEFAULT_ITERATIONS, unusable, unusable);
    }

    /** RFC 5802 §5.1: ',' and '=' are sent as "=2C" and "=3D"; any other '=' is an error. */
    static Optional<String> decodeSaslName(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '=') {
                out.append(c);
            } else if (encoded.startsWith("=2C", i)) {
                out.append(',');
                i += 2;
            } else if (encoded.startsWith("=3D", i)) {
                out.append('=');
                i += 2;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString());
    }
}
