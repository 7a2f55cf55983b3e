package dev.coachos.marketing.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * The campaign report on a November worked out by hand: two Delhi campaigns with leads, spend and
 * fees, a Delhi campaign with spend only, a head-office campaign, a Mumbai campaign and leads of no
 * campaign, with leads, conversions, payments and spend just inside and just outside the range
 * (days in Delhi).
 */
class CampaignReportIT extends CampaignTestBase {

    private static final String NOVEMBER = "/api/v1/campaigns/report?from=2026-11-01&to=2026-11-30";

    private final UUID delhi = UUID.randomUUID();
    private final UUID mumbai = UUID.randomUUID();

    @Test
    void novemberFiguresPerCampaignAndSourceAreExactlyAsWorkedOutByHand() {
        UUID diwali = campaign("Diwali Google Ads", "GOOGLE_ADS", delhi);
        UUID referral = campaign("Referral drive", "REFERRAL", delhi);
        UUID flyers = campaign("Print flyers", "PRINT", delhi);
        UUID national = campaign("Head office brand push", "SOCIAL", null);
        UUID openDay = campaign("Mumbai open day", "EVENT", mumbai);
        UUID s1 = UUID.randomUUID();
        UUID s2 = UUID.randomUUID();
        UUID s3 = UUID.randomUUID();
        UUID s4 = UUID.randomUUID();

        // Diwali: 3 leads in November (a2 at 23:30 on the 30th, a5 at midnight on the 1st; not a3 at
        // 00:10 on 1 December), 2 conversions (a1; a4, created in October, converted at 00:05 on the 1st;
        // not a6, converted at 00:10 on 1 December).
        lead(delhi, diwali, "WEBSITE", "CONVERTED", ist("2026-11-05T10:00"), ist("2026-11-10T12:00"), s1);
        lead(delhi, diwali, "WEBSITE", ist("2026-11-30T23:30"));
        lead(delhi, diwali, "WEBSITE", ist("2026-12-01T00:10"));
        lead(delhi, diwali, "GOOGLE", "CONVERTED", ist("2026-10-31T23:50"), ist("2026-11-01T00:05"), s2);
        lead(delhi, diwali, "GOOGLE", "CONTACTED", ist("2026-11-01T00:00"), null, null);
        lead(delhi, diwali, "WEBSITE", "CONVERTED", ist("2026-10-20T10:00"), ist("2026-12-01T00:10"),
                UUID.randomUUID());
        // Spend for days in November: 10000.00 + 2500.50 (the 30th) = 12500.50; 4000.00 reversed.
        spend(diwali, "10000.00", "2026-11-03");
        spend(diwali, "2500.50", "2026-11-30");
        spend(diwali, "999.99", "2026-12-01");
        spend(diwali, "300.00", "2026-10-31");
        UUID mistaken = spend(diwali, "4000.00", "2026-11-15");
        assertThat(api.post("/api/v1/campaigns/" + diwali + "/spend/" + mistaken + "/reversal", director,
                Map.of("reason", "wrong campaign")).status()).isEqualTo(201);
        // Fees in November from s1 and s2: 15000.00 + 7000.00 (at 23:30 on the 30th) = 22000.00.
        payment(s1, "15000.00", ist("2026-11-12T10:00"), false);
        // Paid before s1 was converted (an existing student linked to the lead): not the campaign's.
        payment(s1, "800.00", ist("2026-11-08T10:00"), false);
        payment(s1, "5000.00", ist("2026-12-01T00:10"), false);
        payment(s2, "7000.00", ist("2026-11-30T23:30"), false);
        payment(s2, "3000.00", ist("2026-11-20T10:00"), true);
        payment(s2, "400.00", ist("2026-10-31T23:59"), false);
        payment(UUID.randomUUID(), "50000.00", ist("2026-11-15T10:00"), false);

        // Referral drive: 3 leads, 1 conversion, 1000.00 spent, 500.00 paid.
        lead(delhi, referral, "REFERRAL", "CONVERTED", ist("2026-11-20T10:00"), ist("2026-11-25T10:00"), s3);
        lead(delhi, referral, "REFERRAL", "LOST", ist("2026-11-21T10:00"), null, null);
        lead(delhi, referral, "WALK_IN", ist("2026-11-22T10:00"));
        spend(referral, "1000.00", "2026-11-20");
        payment(s3, "500.00", ist("2026-11-26T10:00"), false);

        // No campaign: 2 leads, 1 conversion, 2000.00 paid.
        lead(delhi, null, "WALK_IN", "CONVERTED", ist("2026-11-15T10:00"), ist("2026-11-16T10:00"), s4);
        lead(delhi, null, "WEBSITE", ist("2026-11-16T10:00"));
        payment(s4, "2000.00", ist("2026-11-16T12:00"), false);

        spend(flyers, "600.00", "2026-11-10");
        lead(delhi, national, "SOCIAL", ist("2026-11-18T10:00"));
        spend(national, "5000.00", "2026-11-18");
        lead(mumbai, openDay, "WEBSITE", ist("2026-11-10T10:00"));
        spend(openDay, "700.00", "2026-11-10");

        // Delhi's marketer: Delhi's leads, the spend of Delhi's campaigns (head office's is not Delhi's).
        JsonNode ours = report(NOVEMBER, marketer(delhi));
        assertThat(ours.path("from").asString()).isEqualTo("2026-11-01");
        assertThat(ours.path("to").asString()).isEqualTo("2026-11-30");
        assertThat(ours.path("branchId").asString()).isEqualTo(delhi.toString());
        JsonNode rows = ours.path("campaigns");
        assertThat(rows.valueStream().map(r -> r.path("name").asString())).containsExactly("Diwali Google Ads",
                "Head office brand push", "Print flyers", "Referral drive", "No campaign");
        assertThat(rows.get(0).path("campaignId").asString()).isEqualTo(diwali.toString());
        assertThat(rows.get(0).path("channel").asString()).isEqualTo("GOOGLE_ADS");
        assertThat(rows.get(0).path("status").asString()).isEqualTo("DRAFT");
        figures(rows.get(0), 3, 2, "0.6667", "12500.50", "4166.83", "6250.25", "22000.00", "0.7599");
        figures(rows.get(1), 1, 0, "0.0000", null, null, null, "0.00", null);
        figures(rows.get(2), 0, 0, null, "600.00", null, null, "0.00", "-1.0000");
        figures(rows.get(3), 3, 1, "0.3333", "1000.00", "333.33", "1000.00", "500.00", "-0.5000");
        assertThat(rows.get(4).path("campaignId").isNull()).isTrue();
        figures(rows.get(4), 2, 1, "0.5000", null, null, null, "2000.00", null);

        JsonNode sources = ours.path("sources");
        assertThat(sources.valueStream().map(r -> r.path("source").asString())).containsExactly("GOOGLE", "REFERRAL",
                "SOCIAL", "WALK_IN", "WEBSITE");
        figures(sources.get(0), 1, 1, "1.0000", null, null, null, "7000.00", null);
        figures(sources.get(1), 2, 1, "0.5000", null, null, null, "500.00", null);
        figures(sources.get(2), 1, 0, "0.0000", null, null, null, "0.00", null);
        figures(sources.get(3), 2, 1, "0.5000", null, null, null, "2000.00", null);
        figures(sources.get(4), 3, 1, "0.3333", null, null, null, "15000.00", null);

        // 14100.50 / 4 = 3525.125, rounded HALF_UP to 3525.13.
        figures(ours.path("totals"), 9, 4, "0.4444", "14100.50", "1566.72", "3525.13", "24500.00", "0.7375");

        // The same branch asked for by someone who sees every branch: the same report.
        assertThat(report(NOVEMBER + "&branchId=" + delhi, director)).isEqualTo(ours);
        assertThat(report(NOVEMBER, branchAnalyst(delhi))).isEqualTo(ours);

        // Every branch: Mumbai's campaign, and head office's spend, count too.
        JsonNode all = report(NOVEMBER, director);
        assertThat(all.path("branchId").isNull()).isTrue();
        JsonNode allRows = all.path("campaigns");
        assertThat(allRows.valueStream().map(r -> r.path("name").asString())).containsExactly("Diwali Google Ads",
                "Head office brand push", "Mumbai open day", "Print flyers", "Referral drive", "No campaign");
        figures(allRows.get(1), 1, 0, "0.0000", "5000.00", "5000.00", null, "0.00", "-1.0000");
        figures(allRows.get(2), 1, 0, "0.0000", "700.00", "700.00", null, "0.00", "-1.0000");
        figures(allRows.get(0), 3, 2, "0.6667", "12500.50", "4166.83", "6250.25", "22000.00", "0.7599");
        figures(all.path("sources").get(4), 4, 1, "0.2500", null, null, null, "15000.00", null);
        // 19800.50 / 4 = 4950.125, rounded HALF_UP to 4950.13.
        figures(all.path("totals"), 10, 4, "0.4000", "19800.50", "1980.05", "4950.13", "24500.00", "0.2373");

        // One day: the 30th alone.
        JsonNode lastDay = report("/api/v1/campaigns/report?from=2026-11-30&to=2026-11-30", director);
        figures(lastDay.path("campaigns").get(0), 1, 0, "0.0000", "2500.50", "2500.50", null, "7000.00", "1.7994");
        figures(lastDay.path("totals"), 1, 0, "0.0000", "2500.50", "2500.50", null, "7000.00", "1.7994");
    }

    @Test
    void aPaymentByTheStudentOfTwoCampaignsCountsForEachButOnceInTheTotals() {
        UUID a = campaign("Twice A", "EMAIL", delhi);
        UUID b = campaign("Twice B", "SMS", delhi);
        UUID student = UUID.randomUUID();
        lead(delhi, a, "EMAILED", "CONVERTED", ist("2026-09-02T10:00"), ist("2026-09-03T10:00"), student);
        lead(delhi, b, "TEXTED", "CONVERTED", ist("2026-09-04T10:00"), ist("2026-09-05T10:00"), student);
        payment(student, "1234.56", ist("2026-09-10T10:00"), false);
        JsonNode september = report("/api/v1/campaigns/report?from=2026-09-01&to=2026-09-30&branchId=" + delhi,
                director);
        figures(september.path("campaigns").get(0), 1, 1, "1.0000", "0.00", "0.00", "0.00", "1234.56", null);
        figures(september.path("campaigns").get(1), 1, 1, "1.0000", "0.00", "0.00", "0.00", "1234.56", null);
        figures(september.path("totals"), 2, 2, "1.0000", "0.00", "0.00", "0.00", "1234.56", null);
    }

    @Test
    void theRangeIsTheLastThirtyDaysInDelhiUnlessGivenAndAtMostAYear() {
        // 00:30 on 3 December in Delhi is still 2 December in UTC.
        clock.set(Instant.parse("2026-12-02T19:00:00Z"));
        JsonNode recent = report("/api/v1/campaigns/report", director);
        assertThat(recent.path("from").asString()).isEqualTo("2026-11-04");
        assertThat(recent.path("to").asString()).isEqualTo("2026-12-03");
        JsonNode upTo = report("/api/v1/campaigns/report?to=2026-06-30", director);
        assertThat(upTo.path("from").asString()).isEqualTo("2026-06-01");
        assertThat(report("/api/v1/campaigns/report?from=2025-01-01&to=2025-12-31", director).path("to").asString())
                .isEqualTo("2025-12-31");
        assertThat(report("/api/v1/campaigns/report?from=2024-01-01&to=2024-12-31", director).path("from").asString())
                .as("a leap year is 366 days").isEqualTo("2024-01-01");

        Response tooLong = api.get("/api/v1/campaigns/report?from=2025-01-01&to=2026-01-02", director);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorFields()).containsExactly("to");
        Response backwards = api.get("/api/v1/campaigns/report?from=2026-11-02&to=2026-11-01", director);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errorFields()).containsExactly("from");
        assertThat(api.get("/api/v1/campaigns/report?from=2026-11-31", director).errorFields()).containsExactly("from");
        assertThat(api.get("/api/v1/campaigns/report?to=30-11-2026", director).errorFields()).containsExactly("to");
        assertThat(api.get("/api/v1/campaigns/report?branchId=delhi", director).errorFields())
                .containsExactly("branchId");
    }

    @Test
    void theReportIsReadWithinReachOnly() {
        assertThat(api.get(NOVEMBER + "&branchId=" + mumbai, marketer(delhi)).status()).isEqualTo(403);
        assertThat(api.get(NOVEMBER + "&branchId=" + delhi, branchAnalyst(delhi)).status()).isEqualTo(200);
        assertThat(api.get(NOVEMBER, studentToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get(NOVEMBER, KEYS.staff("BACKOFFICE", delhi, "read:leads")).status()).isEqualTo(403);
        JsonNode empty = report(NOVEMBER + "&branchId=" + mumbai, marketer(mumbai));
        assertThat(empty.path("campaigns").size()).isEqualTo(1);
        figures(empty.path("campaigns").get(0), 0, 0, null, null, null, null, "0.00", null);
        assertThat(empty.path("sources").size()).isZero();
        figures(empty.path("totals"), 0, 0, null, "0.00", null, null, "0.00", null);
    }

    private JsonNode report(String path, String token) {
        Response response = api.get(path, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return decimals(response);
    }

    /** Every figure of a row, decimals with their scale; null where the figure is null. */
    private static void figures(JsonNode row, long leads, long conversions, String rate, String spend,
            String costPerLead, String costPerConversion, String fees, String returnOnSpend) {
        assertThat(row.path("leads").asLong()).as("leads of " + row).isEqualTo(leads);
        assertThat(row.path("conversions").asLong()).as("conversions of " + row).isEqualTo(conversions);
        assertDecimal(row, "conversionRate", rate);
        assertDecimal(row, "spend", spend);
        assertDecimal(row, "costPerLead", costPerLead);
        assertDecimal(row, "costPerConversion", costPerConversion);
        assertDecimal(row, "feesCollected", fees);
        assertDecimal(row, "returnOnSpend", returnOnSpend);
    }

    private static void assertDecimal(JsonNode row, String field, String expected) {
        assertThat(decimal(row, field)).as(field + " of " + row)
                .isEqualTo(expected == null ? null : new BigDecimal(expected));
    }
}
