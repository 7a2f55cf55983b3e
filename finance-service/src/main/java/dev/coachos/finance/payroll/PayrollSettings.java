package dev.coachos.finance.payroll;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coachos.payroll}: the statutory deductions a salary slip applies when its structure switches
 * them on.
 *
 * @param pfPercent       the employee's EPF share, a percent of the basic pay (default 12)
 * @param pfWageCeiling   the basic pay EPF is taken on at most, in rupees (default 15000)
 * @param esiPercent      the employee's ESI share, a percent of gross (default 0.75)
 * @param esiGrossCeiling ESI applies only while gross is at most this, in rupees (default 21000)
 */
@ConfigurationProperties("coachos.payroll")
public record PayrollSettings(BigDecimal pfPercent, BigDecimal pfWageCeiling, BigDecimal esiPercent,
        BigDecimal esiGrossCeiling) {

    public PayrollSettings {
        pfPercent = pfPercent == null ? new BigDecimal("12") : pfPercent;
        pfWageCeiling = pfWageCeiling == null ? new BigDecimal("15000") : pfWageCeiling;
        esiPercent = esiPercent == null ? new BigDecimal("0.75") : esiPercent;
        esiGrossCeiling = esiGrossCeiling == null ? new BigDecimal("21000") : esiGrossCeiling;
        if (pfPercent.signum() < 0 || pfPercent.compareTo(BigDecimal.valueOf(100)) > 0 || esiPercent.signum() < 0
                || esiPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("coachos.payroll.pf-percent and esi-percent must be 0 to 100");
        }
        if (pfWageCeiling.signum() < 0 || esiGrossCeiling.signum() < 0) {
            throw new IllegalArgumentException("coachos.payroll.pf-wage-ceiling and esi-gross-ceiling must not be negative");
        }
    }

    /** The defaults: EPF 12% of basic up to 15,000, ESI 0.75% of gross up to 21,000. */
    public static PayrollSettings defaults() {
        return new PayrollSettings(null, null, null, null);
    }
}
