package dev.coachos.finance.online;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Razorpay's webhook signature: the hex HMAC-SHA256 of the raw body, keyed with the webhook's
 * secret. It is checked over the bytes as they arrived (re-serialised JSON would differ) and
 * compared in constant time.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static String of(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether the signature sent is the body's, for this secret; false for anything missing. */
    static boolean matches(byte[] body, String signature, String secret) {
        if (body == null || signature == null || secret == null) {
            return false;
        }
        byte[] expected = of(body, secret).getBytes(StandardCharsets.US_ASCII);
        byte[] sent = signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, sent);
    }
}
