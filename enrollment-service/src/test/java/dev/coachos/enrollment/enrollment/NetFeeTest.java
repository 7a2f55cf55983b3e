package dev.coachos.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import dev.coachos.enrollment.enrollment.Enrollment.DiscountType;

/** Worked examples of the one rounding rule: a percentage is rounded once, half up to the paisa. */
class NetFeeTest {

    @Test
    void withoutADiscountTheFeeIsPaid() {
        assertThat(NetFee.of(money("18500.00"), null, null)).isEqualTo(money("18500.00"));
    }

    @Test
    void aPercentageIsRoundedHalfUpToThePaisa() {
        assertThat(NetFee.of(money("18500.00"), DiscountType.PERCENTAGE, new BigDecimal("10"))).isEqualTo(money("16650.00"));
        // 12.5% of 999.99 = 124.99875 → 125.00
        assertThat(NetFee.of(money("999.99"), DiscountType.PERCENTAGE, new BigDecimal("12.5"))).isEqualTo(money("874.99"));
        // 33.33% of 100.00 = 33.33 exactly; 15% of 0.05 = 0.0075 → 0.01
        assertThat(NetFee.of(money("100.00"), DiscountType.PERCENTAGE, new BigDecimal("33.33"))).isEqualTo(money("66.67"));
        assertThat(NetFee.of(money("0.05"), DiscountType.PERCENTAGE, new BigDecimal("15"))).isEqualTo(money("0.04"));
        assertThat(NetFee.of(money("4999.00"), DiscountType.PERCENTAGE, new BigDecimal("100"))).isEqualTo(money("0.00"));
    }

    @Test
    void aFixedDiscountIsSubtractedAsGiven() {
        assertThat(NetFee.of(money("12000.00"), DiscountType.FIXED, money("1500.50"))).isEqualTo(money("10499.50"));
        assertThat(NetFee.of(money("12000.00"), DiscountType.FIXED, money("12000.00"))).isEqualTo(money("0.00"));
    }

    @Test
    void impossibleDiscountsAreRefusedNamingTheField() {
        assertRefused(() -> NetFee.of(money("100.00"), DiscountType.FIXED, money("100.01")), "discount");
        assertRefused(() -> NetFee.of(money("100.00"), DiscountType.PERCENTAGE, new BigDecimal("100.01")), "discount");
        assertRefused(() -> NetFee.of(money("100.00"), DiscountType.FIXED, money("-1.00")), "discount");
        assertRefused(() -> NetFee.of(money("100.00"), DiscountType.FIXED, null), "discount");
        assertRefused(() -> NetFee.of(money("100.00"), null, money("5.00")), "discountType");
        // More precision than the column keeps: refused, not rounded away.
        assertRefused(() -> NetFee.of(money("100.00"), DiscountType.FIXED, money("1.005")), "discount");
        assertRefused(() -> NetFee.of(money("100000000000.00"), DiscountType.FIXED, money("10000000000")), "discount");
    }

    @Test
    void trailingZerosAreNotDecimals() {
        assertThat(NetFee.of(money("100.00"), DiscountType.PERCENTAGE, new BigDecimal("10.0000"))).isEqualTo(money("90.00"));
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    private static void assertRefused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getBody().getProperties().get("errors").toString()).contains("field=" + field));
    }
}
