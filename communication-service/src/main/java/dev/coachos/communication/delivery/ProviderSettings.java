package dev.coachos.communication.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coachos.delivery}'s providers, all from the environment: a channel whose provider is not
 * configured goes through the log channel instead. None of these values is ever logged.
 *
 * @param email          SMTP (on when the host is set)
 * @param sms            MSG91's flow API (on when the auth key is set)
 * @param whatsapp       the WhatsApp Business Cloud API (on when the token and phone number id are set)
 * @param connectTimeout the providers' HTTP connect timeout (default 5 s)
 * @param readTimeout    the wait for a provider's answer once the request went out (default 15 s)
 */
@ConfigurationProperties("coachos.delivery")
public record ProviderSettings(Email email, Sms sms, WhatsApp whatsapp, Duration connectTimeout,
        Duration readTimeout) {

    public ProviderSettings {
        email = email == null ? new Email(null, null, null, null, null, null) : email;
        sms = sms == null ? new Sms(null, null, null) : sms;
        whatsapp = whatsapp == null ? new WhatsApp(null, null, null, null, null) : whatsapp;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
    }

    /** SMTP. */
    public record Email(String host, Integer port, String username, String password, String from, Boolean starttls) {

        public Email {
            host = blankToNull(host);
            port = port == null ? 587 : port;
            username = blankToNull(username);
            password = blankToNull(password);
            from = blankToNull(from) == null ? "no-reply@coachos.local" : from.strip();
            starttls = starttls == null || starttls;
        }

        public boolean configured() {
            return host != null;
        }

        @Override
        public String toString() {
            return "Email[host=" + host + ", port=" + port + ", from=" + from + "]";
        }
    }

    /** MSG91's flow API. */
    public record Sms(String authKey, String baseUrl, String webhookToken) {

        public Sms {
            authKey = blankToNull(authKey);
            baseUrl = blankToNull(baseUrl) == null ? "https://control.msg91.com" : stripSlash(baseUrl);
            webhookToken = blankToNull(webhookToken);
        }

        public boolean configured() {
            return authKey != null;
        }

        @Override
        public String toString() {
            return "Sms[baseUrl=" + baseUrl + ", configured=" + configured() + "]";
        }
    }

    /** The WhatsApp Business Cloud API. */
    public record WhatsApp(String token, String phoneNumberId, String baseUrl, String verifyToken, String appSecret) {

        public WhatsApp {
            token = blankToNull(token);
            phoneNumberId = blankToNull(phoneNumberId);
            baseUrl = blankToNull(baseUrl) == null ? "https://graph.facebook.com/v21.0" : stripSlash(baseUrl);
            verifyToken = blankToNull(verifyToken);
            appSecret = blankToNull(appSecret);
        }

        public boolean configured() {
            return token != null && phoneNumberId != null;
        }

        @Override
        public String toString() {
            return "WhatsApp[baseUrl=" + baseUrl + ", configured=" + configured() + "]";
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String stripSlash(String url) {
        String stripped = url.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
