package dev.coachos.finance.payroll;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.coachos.finance.money.Money;

/**
 * A salary slip's arithmetic, as plain Java (worked examples in its test).
 *
 * <p>Days: working days are the calendar days of the month; payment days the days of the month the
 * structure was in effect. Every amount of the structure is prorated by payment days over working days:
 * <ul>
 * <li>BASIC = base pay x payment days / working days;</li>
 * <li>a FIXED component = its monthly amount x payment days / working days;</li>
 * <li>a PERCENT component = its percent of the amount it refers to as it stands on this slip (BASIC, an
 * earlier component, or for a deduction GROSS), so it follows the proration of what it refers to.</li>
 * </ul>
 * Lines computed elsewhere (a teacher's pay from batches, already for the days held; corrections of an
 * amendment) are added as they are. GROSS is the sum of earnings. Then the deductions: the structure's
 * own, then the statutory ones its structure switched on: PF = pf-percent of min(BASIC, pf-wage-ceiling)
 * (12% of at most 15,000.00, so at most 1,800.00); ESI = esi-percent of gross while gross is at most
 * esi-gross-ceiling (0.75% up to 21,000.00); TDS = the structure's percent of gross. Each amount is rounded
 * once, HALF_UP to the paisa, where it is made; totals add rounded amounts. Net = gross - deductions, and a
 * slip whose net would be negative is not payable.
 */
public final class SalaryMath {

    /** Codes the slip itself uses; a structure's component may not take them. */
    public static final Set<String> RESERVED = Set.of("BASIC", "GROSS", "PF", "ESI", "TDS", "BATCH_FIXED",
            "BATCH_COMMISSION", "BATCH_SESSIONS");

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public enum Kind {
        EARNING, DEDUCTION
    }

    public enum Calc {
        FIXED, PERCENT
    }

    /** One component of a structure: a fixed monthly amount, or a percent of what {@code of} names. */
    public record Component(String code, String name, Kind kind, Calc calc, BigDecimal amount, BigDecimal percent,
            String of) {
    }

    /** A structure as the slip needs it. {@code tdsPercent} null or zero: no TDS. */
    public record Structure(BigDecimal basePay, List<Component> components, boolean pf, boolean esi,
            BigDecimal tdsPercent) {

        public Structure {
            components = List.copyOf(components);
        }
    }

    /** A line computed elsewhere, added as it is. */
    public record Extra(Kind kind, String code, String name, BigDecimal amount, UUID batchId, String basis) {
    }

    /** A line of the slip; {@code prorated} when payment days scaled it. */
    public record Line(Kind kind, String code, String name, BigDecimal amount, UUID batchId, String basis,
            boolean prorated) {
    }

    /** What a slip adds up to. */
    public record Slip(int workingDays, int paymentDays, List<Line> lines, BigDecimal gross, BigDecimal deductions,
            BigDecimal net) {

        public Slip {
            lines = List.copyOf(lines);
        }

        public boolean payable() {
            return net.signum() >= 0;
        }
    }

    /** What is wrong with one part of a structure. */
    public record Invalid(String field, String message) {
    }

    private SalaryMath() {
    }

    /**
     * Checks a structure's components in order: codes well formed, not reserved, not repeated; a FIXED
     * component has an amount and no percent; a PERCENT one a percent and what it is of, which is BASIC, an
     * earlier component (an earning only of earnings) or, for a deduction, GROSS. Empty when all is well.
     */
    public static List<Invalid> validate(List<Component> components) {
        List<Invalid> invalid = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            if (c != null && c.code() != null && !position.containsKey(c.code())) {
                position.put(c.code(), i);
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            String field = "components[" + i + "]";
            if (c == null) {
                invalid.add(new Invalid(field, "is missing"));
                continue;
            }
            String named = c.code() == null ? field : field + " (" + c.code() + ")";
            if (c.code() == null || !CODE.matcher(c.code()).matches()) {
                invalid.add(new Invalid(field + ".code", named + ": a code is 1 to 32 capital letters, digits or _,"
                        + " starting with a letter"));
            } else if (RESERVED.contains(c.code())) {
                invalid.add(new Invalid(field + ".code", named + ": " + c.code() + " is reserved for the slip itself"));
            } else if (!seen.add(c.code())) {
                invalid.add(new Invalid(field + ".code", named + ": the code " + c.code() + " is listed twice"));
            }
            if (c.name() == null || c.name().isBlank() || c.name().strip().length() > 80) {
                invalid.add(new Invalid(field + ".name", named + ": a name of 1 to 80 characters is required"));
            }
            if (c.kind() == null) {
                invalid.add(new Invalid(field + ".kind", named + ": kind must be EARNING or DEDUCTION"));
            }
            if (c.calc() == null) {
                invalid.add(new Invalid(field + ".calc", named + ": calc must be FIXED or PERCENT"));
                continue;
            }
            if (c.calc() == Calc.FIXED) {
                if (c.amount() == null || c.percent() != null || c.of() != null) {
                    invalid.add(new Invalid(field, named + ": a FIXED component has an amount, and no percent or of"));
                } else if (c.amount().signum() < 0 || c.amount().stripTrailingZeros().scale() > 2
                        || c.amount().compareTo(new BigDecimal("9999999999.99")) > 0) {
                    invalid.add(new Invalid(field + ".amount", named + ": the amount must be rupees and paise, not negative"));
                }
                continue;
            }
            if (c.percent() == null || c.amount() != null || c.of() == null) {
                invalid.add(new Invalid(field, named + ": a PERCENT component has a percent and of, and no amount"));
                continue;
            }
            if (c.percent().signum() < 0 || c.percent().compareTo(HUNDRED) > 0
                    || c.percent().stripTrailingZeros().scale() > 4) {
                invalid.add(new Invalid(field + ".percent", named + ": the percent must be 0 to 100 with at most 4 decimals"));
            }
            String of = c.of();
            if (of.equals("BASIC")) {
                continue;
            }
            if (of.equals("GROSS")) {
                if (c.kind() == Kind.EARNING) {
                    invalid.add(new Invalid(field + ".of", named + ": an earning cannot be a percent of GROSS,"
                            + " which adds up the earnings"));
                }
                continue;
            }
            Integer at = position.get(of);
            if (at == null) {
                invalid.add(new Invalid(field + ".of", named + ": refers to " + of
                        + ", which is neither BASIC, GROSS nor a component of this structure"));
            } else if (at == i) {
                invalid.add(new Invalid(field + ".of", named + ": refers to itself"));
            } else if (at > i) {
                invalid.add(new Invalid(field + ".of", named + ": refers to " + of + ", which is listed after it"
                        + (cycles(components, position, i) ? " (and the references form a cycle)" : "")
                        + "; list what it refers to before it"));
            } else if (c.kind() == Kind.EARNING && components.get(at).kind() == Kind.DEDUCTION) {
                invalid.add(new Invalid(field + ".of", named + ": an earning cannot be a percent of the deduction " + of));
            }
        }
        return invalid;
    }

    private static boolean cycles(List<Component> components, Map<String, Integer> position, int start) {
        Set<Integer> visited = new HashSet<>();
        int at = start;
        while (visited.add(at)) {
            Component c = components.get(at);
            Integer next = c == null || c.of() == null ? null : position.get(c.of());
            if (next == null) {
                return false;
            }
            if (next == start) {
                return true;
            }
            at = next;
        }
        return false;
    }

    /**
     * A structure in effect for part of the month: {@code paymentDays} of its days fall in the month, and
     * {@code period} names them on the lines (such as "01-14 Nov"; null when one structure covers the slip).
     */
    public record Segment(Structure structure, int paymentDays, String period) {
    }

    /** The largest amount a slip, a line or a total may hold: numeric(12,2). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    /**
     * Computes a slip.
     *
     * @param structure   the structure in effect, or null for a slip of lines computed elsewhere only
     * @param workingDays the days of the month
     * @param paymentDays the days of the month the structure was in effect (0 to workingDays)
     * @param extras      earnings and deductions computed elsewhere (a teacher's batch pay, corrections)
     */
    public static Slip compute(Structure structure, int workingDays, int paymentDays, List<Extra> extras,
            PayrollSettings settings) {
        if (workingDays < 1 || paymentDays < 0 || paymentDays > workingDays) {
            throw new IllegalArgumentException("payment days must be 0 to working days (" + workingDays + "), got "
                    + paymentDays);
        }
        List<Segment> segments = structure == null ? List.of() : List.of(new Segment(structure, paymentDays, null));
        Slip slip = compute(segments, workingDays, extras, settings);
        return structure == null ? new Slip(workingDays, paymentDays, slip.lines(), slip.gross(), slip.deductions(),
                slip.net()) : slip;
    }

    /**
     * Computes a slip from the structures in effect during the month, in date order, each prorated by its
     * own payment days; a line of one code from several structures is one line, their amounts added and
     * their bases joined, each basis naming its period. The slip's payment days are the days some structure
     * covered. A PERCENT deduction of GROSS in a structure takes the slip's GROSS for that structure's share
     * of the covered days. The statutory deductions are judged once on the combined amounts, with the
     * switches of the latest structure (the one in effect at the end of the month): PF on the combined
     * BASIC up to the wage ceiling, ESI while the combined GROSS is within its ceiling, TDS on the combined
     * GROSS. No structure: a slip of the extras alone, all days payment days.
     */
    public static Slip compute(List<Segment> segments, int workingDays, List<Extra> extras, PayrollSettings settings) {
        int covered = 0;
        for (Segment segment : segments) {
            if (segment.paymentDays() < 0 || segment.paymentDays() > workingDays) {
                throw new IllegalArgumentException("payment days must be 0 to working days (" + workingDays
                        + "), got " + segment.paymentDays());
            }
            covered += segment.paymentDays();
        }
        if (workingDays < 1 || covered > workingDays) {
            throw new IllegalArgumentException("payment days must be 0 to working days (" + workingDays + "), got "
                    + covered);
        }
        Map<String, Line> earnings = new java.util.LinkedHashMap<>();
        Map<String, Line> deductions = new java.util.LinkedHashMap<>();
        List<Map<String, BigDecimal>> values = new ArrayList<>();
        BigDecimal basic = Money.ZERO;
        for (Segment segment : segments) {
            Structure structure = segment.structure();
            int paymentDays = segment.paymentDays();
            Map<String, BigDecimal> own = new HashMap<>();
            values.add(own);
            String days = daysText(segment, workingDays);
            BigDecimal segmentBasic = prorate(structure.basePay(), paymentDays, workingDays);
            own.put("BASIC", segmentBasic);
            basic = basic.add(segmentBasic);
            merge(earnings, new Line(Kind.EARNING, "BASIC", "Basic pay", segmentBasic, null,
                    "base pay " + structure.basePay().setScale(2).toPlainString() + days, true));
            for (Component c : structure.components()) {
                if (c.kind() == Kind.EARNING) {
                    Line line = component(c, own, paymentDays, workingDays, days);
                    own.put(c.code(), line.amount());
                    merge(earnings, line);
                }
            }
        }
        List<Line> earned = new ArrayList<>(earnings.values());
        for (Extra extra : extras) {
            if (extra.kind() == Kind.EARNING) {
                earned.add(new Line(Kind.EARNING, extra.code(), extra.name(), Money.of(extra.amount()),
                        extra.batchId(), extra.basis(), false));
            }
        }
        BigDecimal gross = sum(earned);
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            Map<String, BigDecimal> own = values.get(i);
            own.put("GROSS", segments.size() == 1 ? gross : prorate(gross, segment.paymentDays(), covered));
            String days = daysText(segment, workingDays);
            for (Component c : segment.structure().components()) {
                if (c.kind() == Kind.DEDUCTION) {
                    Line line = component(c, own, segment.paymentDays(), workingDays, days);
                    own.put(c.code(), line.amount());
                    merge(deductions, line);
                }
            }
        }
        List<Line> deducted = new ArrayList<>(deductions.values());
        if (!segments.isEmpty()) {
            Structure latest = segments.getLast().structure();
            if (latest.pf()) {
                BigDecimal wage = basic.min(settings.pfWageCeiling());
                deducted.add(new Line(Kind.DEDUCTION, "PF", "Provident fund (EPF)",
                        percentOf(wage, settings.pfPercent()), null, plain(settings.pfPercent()) + "% of "
                                + (basic.compareTo(wage) == 0 ? "BASIC " + basic.toPlainString()
                                        : "the wage ceiling " + plain(settings.pfWageCeiling())), false));
            }
            if (latest.esi() && gross.compareTo(settings.esiGrossCeiling()) <= 0) {
                deducted.add(new Line(Kind.DEDUCTION, "ESI", "Employees' State Insurance",
                        percentOf(gross, settings.esiPercent()), null,
                        plain(settings.esiPercent()) + "% of GROSS " + gross.toPlainString(), false));
            }
            if (latest.tdsPercent() != null && latest.tdsPercent().signum() > 0) {
                deducted.add(new Line(Kind.DEDUCTION, "TDS", "Income tax (TDS)",
                        percentOf(gross, latest.tdsPercent()), null,
                        plain(latest.tdsPercent()) + "% of GROSS " + gross.toPlainString(), false));
            }
        }
        for (Extra extra : extras) {
            if (extra.kind() == Kind.DEDUCTION) {
                deducted.add(new Line(Kind.DEDUCTION, extra.code(), extra.name(), Money.of(extra.amount()),
                        extra.batchId(), extra.basis(), false));
            }
        }
        BigDecimal total = sum(deducted);
        List<Line> lines = new ArrayList<>(earned);
        lines.addAll(deducted);
        return new Slip(workingDays, segments.isEmpty() ? workingDays : covered, lines, gross, total,
                gross.subtract(total));
    }

    /**
     * Why a slip cannot be stored, or empty: its gross or its deductions above {@link #MAX_AMOUNT}, or a
     * line above it.
     */
    public static Optional<String> tooLarge(Slip slip) {
        if (slip.gross().compareTo(MAX_AMOUNT) > 0) {
            return Optional.of("gross " + slip.gross().toPlainString() + " is above the largest amount "
                    + MAX_AMOUNT.toPlainString());
        }
        if (slip.deductions().compareTo(MAX_AMOUNT) > 0) {
            return Optional.of("deductions " + slip.deductions().toPlainString() + " are above the largest amount "
                    + MAX_AMOUNT.toPlainString());
        }
        for (Line line : slip.lines()) {
            if (line.amount().compareTo(MAX_AMOUNT) > 0) {
                return Optional.of(line.code() + " " + line.amount().toPlainString() + " is above the largest amount "
                        + MAX_AMOUNT.toPlainString());
            }
        }
        return Optional.empty();
    }

    private static String daysText(Segment segment, int workingDays) {
        String days = segment.paymentDays() == workingDays ? ""
                : " x " + segment.paymentDays() + "/" + workingDays + " days";
        return segment.period() == null ? days : days + " (" + segment.period() + ")";
    }

    /** Adds a line, or its amount and basis to the line of its code already there. */
    private static void merge(Map<String, Line> lines, Line line) {
        Line there = lines.get(line.code());
        if (there == null) {
            lines.put(line.code(), line);
            return;
        }
        lines.put(line.code(), new Line(line.kind(), line.code(), line.name(), there.amount().add(line.amount()),
                null, there.basis() + "; " + line.basis(), there.prorated() || line.prorated()));
    }

    private static Line component(Component c, Map<String, BigDecimal> values, int paymentDays, int workingDays,
            String days) {
        if (c.calc() == Calc.FIXED) {
            return new Line(c.kind(), c.code(), c.name(), prorate(c.amount(), paymentDays, workingDays), null,
                    "monthly " + c.amount().setScale(2).toPlainString() + days, true);
        }
        BigDecimal base = values.get(c.of());
        if (base == null) {
            throw new IllegalArgumentException(c.code() + " refers to " + c.of() + ", which comes after it");
        }
        return new Line(c.kind(), c.code(), c.name(), percentOf(base, c.percent()), null,
                plain(c.percent()) + "% of " + c.of() + " " + base.toPlainString(), !"GROSS".equals(c.of()));
    }

    private static BigDecimal prorate(BigDecimal monthly, int paymentDays, int workingDays) {
        return monthly.multiply(BigDecimal.valueOf(paymentDays))
                .divide(BigDecimal.valueOf(workingDays), Money.SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal percentOf(BigDecimal base, BigDecimal percent) {
        return Money.of(base.multiply(percent).movePointLeft(2));
    }

    private static BigDecimal sum(List<Line> lines) {
        return lines.stream().map(Line::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
