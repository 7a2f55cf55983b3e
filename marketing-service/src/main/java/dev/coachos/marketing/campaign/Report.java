package dev.coachos.marketing.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What campaigns and lead sources brought in between two days (both included, days in the
 * institute's zone), within the caller's reach or one branch ({@code branchId}).
 *
 * @param campaigns a row per campaign with anything in the range, then one with no campaign
 *                  ({@code campaignId} null) for leads that name none
 * @param sources   a row per lead source; spend is not attributed to sources, so their spend and
 *                  cost figures are null
 * @param totals    the whole reach: leads, conversions, the spend of the campaign rows and the fees
 *                  of every converted lead's student (each payment once)
 */
public record Report(LocalDate from, LocalDate to, UUID branchId, List<CampaignRow> campaigns,
        List<SourceRow> sources, Row totals) {

    /** One campaign's figures (or, with no id, those of the leads without a campaign). */
    public record CampaignRow(UUID campaignId, String name, Channel channel, Campaign.Status status, UUID branchId,
            long leads, long conversions, BigDecimal conversionRate, BigDecimal spend, BigDecimal costPerLead,
            BigDecimal costPerConversion, BigDecimal feesCollected, BigDecimal returnOnSpend) {

        static CampaignRow of(UUID campaignId, String name, Channel channel, Campaign.Status status, UUID branchId,
                Figures f) {
            return new CampaignRow(campaignId, name, channel, status, branchId, f.leads(), f.conversions(),
                    f.conversionRate(), f.spend(), f.costPerLead(), f.costPerConversion(), f.fees(),
                    f.returnOnSpend());
        }
    }

    /** One lead source's figures; spend and costs are not attributed to sources (null). */
    public record SourceRow(String source, long leads, long conversions, BigDecimal conversionRate,
            BigDecimal spend, BigDecimal costPerLead, BigDecimal costPerConversion, BigDecimal feesCollected,
            BigDecimal returnOnSpend) {

        static SourceRow of(String source, Figures f) {
            return new SourceRow(source, f.leads(), f.conversions(), f.conversionRate(), f.spend(),
                    f.costPerLead(), f.costPerConversion(), f.fees(), f.returnOnSpend());
        }
    }

    /** Figures without a name: the totals. */
    public record Row(long leads, long conversions, BigDecimal conversionRate, BigDecimal spend,
            BigDecimal costPerLead, BigDecimal costPerConversion, BigDecimal feesCollected, BigDecimal returnOnSpend) {

        static Row of(Figures f) {
            return new Row(f.leads(), f.conversions(), f.conversionRate(), f.spend(), f.costPerLead(),
                    f.costPerConversion(), f.fees(), f.returnOnSpend());
        }
    }
}
