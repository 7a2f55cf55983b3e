package dev.coachos.marketing.conversion;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * The batch a lead is converted into and an optional discount on its fee: PERCENTAGE (more than 0,
 * at most 100) or FIXED (INR, more than 0), with at most two decimals. enrollment-service checks the
 * discount against the batch's fee as it does for any enrollment.
 */
public record ConversionRequest(@NotNull UUID batchId, DiscountType discountType, BigDecimal discount) {

    /** How a discount is given. */
    public enum DiscountType {
        PERCENTAGE, FIXED
    }
}
