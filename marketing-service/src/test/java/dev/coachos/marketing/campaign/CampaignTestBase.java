package dev.coachos.marketing.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.coachos.marketing.MarketingTestBase;
import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns made through the API, and leads and payments put in the database directly, as the
 * lead package and finance's events would leave them.
 */
abstract class CampaignTestBase extends MarketingTestBase {

    /** Reads amounts and ratios as the decimals they were written, scale included. */
    private static final JsonMapper DECIMALS = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final AtomicInteger PHONES = new AtomicInteger();

    /** An instant given as a wall-clock time in Delhi, such as {@code 2026-11-30T23:30}. */
    protected static Instant ist(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(INDIA).toInstant();
    }

    /** A staff member of a branch who reads campaigns and leads but changes nothing. */
    protected static String branchAnalyst(UUID branch) {
        return KEYS.staff("BUSINESS_ANALYST", branch, "read:leads", "read:campaigns");
    }

    /** Makes a campaign (as the director) and answers its id. */
    protected UUID campaign(String name, String channel, UUID branch) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("channel", channel);
        body.put("budget", 50000);
        body.put("branchId", branch);
        Response created = api.post("/api/v1/campaigns", director, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    /** Enters spend on a campaign (as the director) and answers the entry's id. */
    protected UUID spend(UUID campaign, String amount, String spentOn) {
        Response entry = api.post("/api/v1/campaigns/" + campaign + "/spend", director,
                Map.of("amount", new BigDecimal(amount), "spentOn", spentOn, "note", "invoice"));
        assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
        return UUID.fromString(entry.text("id"));
    }

    /**
     * A lead as the lead package keeps it: created at {@code createdAt}, at {@code stage}; a
     * CONVERTED one with {@code convertedAt} and its {@code student}.
     */
    protected UUID lead(UUID branch, UUID campaign, String source, String stage, Instant createdAt,
            Instant convertedAt, UUID student) {
        UUID id = UUID.randomUUID();
        Timestamp created = Timestamp.from(createdAt);
        Timestamp changed = Timestamp.from(convertedAt != null ? convertedAt : createdAt);
        jdbc.update("""
                insert into lead (id, name, phone, source, branch_id, campaign_id, stage, lost_reason, student_id,
                                  converted_at, created_at, updated_at, stage_changed_at, next_follow_up_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, "Lead " + id.toString().substring(0, 8), "+9198%08d".formatted(PHONES.incrementAndGet()),
                source, branch, campaign, stage, stage.equals("LOST") ? "joined another institute" : null, student,
                convertedAt == null ? null : Timestamp.from(convertedAt), created, changed, changed,
                stage.equals("CONVERTED") || stage.equals("LOST") ? null : Timestamp.from(createdAt.plusSeconds(3600)));
        return id;
    }

    /** An open lead created at the given time. */
    protected UUID lead(UUID branch, UUID campaign, String source, Instant createdAt) {
        return lead(branch, campaign, source, "NEW", createdAt, null, null);
    }

    /** A payment as finance's PaymentReceived (and, if {@code reversed}, PaymentReversed) leaves it. */
    protected UUID payment(UUID student, String amount, Instant receivedAt, boolean reversed) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into payment_view (payment_id, student_id, amount, received_at, reversed_at) values (?, ?, ?, ?, ?)",
                id, student, new BigDecimal(amount), Timestamp.from(receivedAt),
                reversed ? Timestamp.from(receivedAt.plusSeconds(86_400)) : null);
        return id;
    }

    /** The body of a response with its decimals as written (scale kept). */
    protected static JsonNode decimals(Response response) {
        return DECIMALS.readTree(response.raw());
    }

    /** A decimal field as written, scale included (12500.50 is not 12500.5), or null. */
    protected static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        assertThat(value.isMissingNode()).as("field " + field + " in " + node).isFalse();
        return value.isNull() ? null : value.decimalValue();
    }
}
