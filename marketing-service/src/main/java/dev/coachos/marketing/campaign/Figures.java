package dev.coachos.marketing.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a row of the campaign report counts, and the figures derived from it, each rounded HALF_UP
 * once, here: rupees to 2 decimals, the conversion rate and the return on spend to 4. A figure whose
 * divisor is zero is null, and so is every cost figure of a row whose spend is not known
 * ({@code spend} null).
 */
record Figures(long leads, long conversions, BigDecimal spend, BigDecimal fees) {

    static final int MONEY_SCALE = 2;
    static final int RATIO_SCALE = 4;

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    BigDecimal conversionRate() {
        return leads == 0 ? null
                : BigDecimal.valueOf(conversions).divide(BigDecimal.valueOf(leads), RATIO_SCALE, RoundingMode.HALF_UP);
    }

    BigDecimal costPerLead() {
        return spend == null || leads == 0 ? null
                : spend.divide(BigDecimal.valueOf(leads), MONEY_SCALE, RoundingMode.HALF_UP);
    }

    BigDecimal costPerConversion() {
        return spend == null || conversions == 0 ? null
                : spend.divide(BigDecimal.valueOf(conversions), MONEY_SCALE, RoundingMode.HALF_UP);
    }

    BigDecimal returnOnSpend() {
        return spend == null || spend.signum() == 0 ? null
                : fees.subtract(spend).divide(spend, RATIO_SCALE, RoundingMode.HALF_UP);
    }
}
