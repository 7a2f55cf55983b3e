package dev.coachos.finance.online;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coachos.razorpay}: the provider's API and webhook. Without a key id and secret, payment
 * links are refused with a problem response; without a webhook secret, every webhook is refused.
 *
 * @param baseUrl        Razorpay's API, such as https://api.razorpay.com
 * @param keyId          the API key id
 * @param keySecret      the API key secret
 * @param webhookSecret  the secret webhooks are signed with (set in Razorpay's dashboard)
 * @param reconcileAfter links unpaid this long after they were made (or last asked about) are asked about
 * @param reconcileEvery how often the reconciler looks
 * @param applyEvery     how often stored webhook events are applied
 */
@ConfigurationProperties("coachos.razorpay")
public record RazorpaySettings(String baseUrl, String keyId, String keySecret, String webhookSecret,
        Duration reconcileAfter, Duration reconcileEvery, Duration applyEvery) {

    public RazorpaySettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.razorpay.com" : baseUrl.strip();
        keyId = blankToNull(keyId);
        keySecret = blankToNull(keySecret);
        webhookSecret = blankToNull(webhookSecret);
        reconcileAfter = reconcileAfter == null ? Duration.ofMinutes(15) : reconcileAfter;
        reconcileEvery = reconcileEvery == null ? Duration.ofMinutes(5) : reconcileEvery;
        applyEvery = applyEvery == null ? Duration.ofSeconds(1) : applyEvery;
    }

    public boolean linksConfigured() {
        return keyId != null && keySecret != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        // Never the secrets, in logs or actuator output.
        return "RazorpaySettings[baseUrl=" + baseUrl + ", keyId=" + keyId + ", linksConfigured=" + linksConfigured()
                + ", webhookSecret=" + (webhookSecret == null ? "unset" : "set") + "]";
    }
}
