package dev.coachos.communication.delivery;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.coachos.platform.web.Problems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The providers' status reports: WhatsApp's webhook (its GET handshake, and POSTs signed with
 * {@code X-Hub-Signature-256} over the raw body) and MSG91's delivery reports (a token in the
 * address). A report that does not prove itself changes nothing; one that does is applied forward
 * only ({@link ProviderStatuses}), so duplicates and late arrivals change nothing.
 */
@Service
class ProviderWebhooks {

    private static final Logger log = LoggerFactory.getLogger(ProviderWebhooks.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProviderSettings settings;
    private final ProviderStatuses statuses;

    ProviderWebhooks(ProviderSettings settings, ProviderStatuses statuses) {
        this.settings = settings;
        this.statuses = statuses;
    }

    /** WhatsApp's subscription handshake: the challenge back when the verify token is ours. */
    String handshake(String mode, String verifyToken, String challenge) {
        String expected = settings.whatsapp().verifyToken();
        if (expected == null || !"subscribe".equals(mode) || challenge == null || !same(expected, verifyToken)) {
            throw Problems.forbidden("The verify token does not match");
        }
        return challenge;
    }

    /** A signed WhatsApp webhook; returns how many deliveries it moved. */
    int whatsapp(byte[] body, String signature) {
        String secret = settings.whatsapp().appSecret();
        if (secret == null) {
            throw Problems.raise(HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE, "WhatsApp is not set up",
                    "No app secret is configured (COACHOS_WHATSAPP_APP_SECRET): webhooks cannot be verified");
        }
        if (!signed(body, signature, secret)) {
            throw Problems.raise(HttpStatus.UNAUTHORIZED, Problems.type("bad-signature"), "Bad signature",
                    "X-Hub-Signature-256 does not match the body");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (RuntimeException e) {
            // Signed by WhatsApp yet unreadable: sending it again would not help, so it is taken and ignored.
            log.warn("A signed WhatsApp webhook was not JSON; ignored");
            return 0;
        }
        int moved = 0;
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode status : change.path("value").path("statuses")) {
                    ProviderStatuses.State state = whatsappState(text(status.path("status")));
                    if (state == null) {
                        continue;
                    }
                    String wamid = text(status.path("id"));
                    UUID ours = uuid(text(status.path("biz_opaque_callback_data")));
                    if (statuses.apply(WhatsAppCloud.PROVIDER, Channel.WHATSAPP, wamid, ours, state,
                            state == ProviderStatuses.State.FAILED ? whatsappError(status.path("errors")) : null)) {
                        moved++;
                    }
                }
            }
        }
        return moved;
    }

    /** An SMS delivery report; returns how many deliveries it moved. */
    int sms(byte[] body, String token) {
        String expected = settings.sms().webhookToken();
        if (expected == null || !same(expected, token)) {
            throw Problems.raise(HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED, "Bad token",
                    "The delivery report's token does not match");
        }
        int[] moved = {0};
        walkSms(smsJson(body), null, moved);
        return moved[0];
    }

    /**
     * MSG91's reports come in a few shapes (a single report, a list, {@code data: [...]} with a
     * {@code report} list under each request, or a form field {@code data} holding that JSON): any
     * object with a status, under a request id of its own or of an enclosing object, is applied.
     */
    private void walkSms(JsonNode node, String requestId, int[] moved) {
        if (node.isArray()) {
            for (JsonNode item : node) {
                walkSms(item, requestId, moved);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String own = first(node, "requestId", "request_id", "requestid", "reqId", "req_id");
        String id = own != null ? own : requestId;
        String status = first(node, "status", "desc", "description", "state");
        ProviderStatuses.State state = smsState(status);
        if (state == null) {
            state = smsState(first(node, "desc", "description"));
        }
        if (id != null && state != null && statuses.apply(Msg91Sms.PROVIDER, Channel.SMS, id, null, state,
                state == ProviderStatuses.State.FAILED ? first(node, "failureReason", "desc", "description") : null)) {
            moved[0]++;
        }
        for (var field : node.properties()) {
            if ((field.getValue().isObject() || field.getValue().isArray())) {
                walkSms(field.getValue(), id, moved);
            }
        }
    }

    static ProviderStatuses.State whatsappState(String status) {
        if (status == null) {
            return null;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "sent" -> ProviderStatuses.State.SENT;
            case "delivered", "read", "played" -> ProviderStatuses.State.DELIVERED;
            case "failed", "undeliverable" -> ProviderStatuses.State.FAILED;
            default -> null;
        };
    }

    static ProviderStatuses.State smsState(String status) {
        if (status == null) {
            return null;
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "1", "delivered", "delivrd", "success" -> ProviderStatuses.State.DELIVERED;
            case "8", "3", "sent", "submitted", "accepted" -> ProviderStatuses.State.SENT;
            case "2", "9", "16", "17", "25", "26", "failed", "failure", "rejected", "rejectd", "undelivered", "undeliv",
                    "ndnc", "dnd", "blocked", "expired" -> ProviderStatuses.State.FAILED;
            default -> null;
        };
    }

    private static String whatsappError(JsonNode errors) {
        for (JsonNode error : errors) {
            String code = text(error.path("code"));
            String title = text(error.path("title"));
            return (code == null ? "" : code + " ") + (title == null ? "" : title);
        }
        return null;
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            throw Problems.raise(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Malformed request",
                    "The webhook's body is not JSON");
        }
    }

    private static JsonNode smsJson(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw Problems.raise(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Malformed request",
                    "The delivery report is empty");
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return readJson(body);
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals("data")) {
                return readJson(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        throw Problems.raise(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Malformed request",
                "The delivery report is neither JSON nor a form with a data field");
    }

    private static String first(JsonNode node, String... names) {
        for (String name : names) {
            String value = text(node.path(name));
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asString() : null;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean signed(byte[] body, String header, String secret) {
        if (body == null || header == null || !header.strip().toLowerCase(Locale.ROOT).startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            byte[] sent = header.strip().substring("sha256=".length()).toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, sent);
        } catch (GeneralSecurityException e) {
            log.error("HmacSHA256 is not available");
            return false;
        }
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
