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
 * esi-gross-ceiling (0.75% up to 21,000.00); TDS = the structure's percent of gross. With several structures
 * in the month each one's switches apply to what was earned under it (see
 * {@link #compute(List, int, List, PayrollSettings)}). Each amount is rounded once, HALF_UP to the paisa,
 * where it is made; totals add rounded amounts. Net = gross - deductions, and a slip whose net would be
 * negative is not payable.
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
     * covered.
     *
     * <p>With one structure, a PERCENT component takes the amount it refers to as it stands on the slip.
     * With several, each structure's share of a line is kept exact (base x days / working days, a percent
     * of the exact share it refers to) and the merged line is the sum of the exact shares, rounded once:
     * three identical structures over 10, 10 and 11 of 31 days pay the base exactly. A PERCENT deduction
     * of GROSS in a structure takes the slip's GROSS for that structure's share of the covered days.
     *
     * <p>The statutory deductions follow each structure's own switches. A structure's gross is the
     * earnings of its own components plus the lines computed elsewhere for its share of the covered days.
     * PF = pf-percent of the BASIC earned under structures with PF on, taken on at most the wage ceiling
     * prorated by those structures' days over the covered days (a whole month of PF: the whole ceiling;
     * half of it: half). ESI = esi-percent of the gross earned under structures with ESI on, while the
     * slip's whole GROSS is within the ESI ceiling. TDS = the sum over structures of each one's TDS percent
     * of its own gross. Each is rounded once, from the exact amounts. No structure: a slip of the extras
     * alone, all days payment days.
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
        // One structure: its amounts are the slip's lines, rounded where made. Several: exact shares,
        // merged and rounded once below.
        boolean exact = segments.size() > 1;
        Map<String, Line> earnings = new java.util.LinkedHashMap<>();
        Map<String, BigDecimal> earningsExact = new HashMap<>();
        Map<String, Line> deductions = new java.util.LinkedHashMap<>();
        Map<String, BigDecimal> deductionsExact = new HashMap<>();
        List<Map<String, BigDecimal>> values = new ArrayList<>();
        List<BigDecimal> ownEarnings = new ArrayList<>();
        for (Segment segment : segments) {
            Structure structure = segment.structure();
            int paymentDays = segment.paymentDays();
            Map<String, BigDecimal> own = new HashMap<>();
            values.add(own);
            String days = daysText(segment, workingDays);
            BigDecimal segmentBasic = prorate(structure.basePay(), paymentDays, workingDays, exact);
            own.put("BASIC", segmentBasic);
            BigDecimal earned = segmentBasic;
            merge(earnings, earningsExact, new Line(Kind.EARNING, "BASIC", "Basic pay", segmentBasic, null,
                    "base pay " + structure.basePay().setScale(2).toPlainString() + days, true));
            for (Component c : structure.components()) {
                if (c.kind() == Kind.EARNING) {
                    Line line = component(c, own, paymentDays, workingDays, days, exact);
                    own.put(c.code(), line.amount());
                    earned = earned.add(line.amount());
                    merge(earnings, earningsExact, line);
                }
            }
            ownEarnings.add(earned);
        }
        List<Line> earned = new ArrayList<>(rounded(earnings, earningsExact));
        BigDecimal extraEarnings = Money.ZERO;
        for (Extra extra : extras) {
            if (extra.kind() == Kind.EARNING) {
                earned.add(new Line(Kind.EARNING, extra.code(), extra.name(), Money.of(extra.amount()),
                        extra.batchId(), extra.basis(), false));
                extraEarnings = extraEarnings.add(Money.of(extra.amount()));
            }
        }
        BigDecimal gross = sum(earned);
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            Map<String, BigDecimal> own = values.get(i);
            own.put("GROSS", segments.size() == 1 ? gross
                    : share(gross, segment.paymentDays(), covered));
            String days = daysText(segment, workingDays);
            for (Component c : segment.structure().components()) {
                if (c.kind() == Kind.DEDUCTION) {
                    Line line = component(c, own, segment.paymentDays(), workingDays, days, exact);
                    own.put(c.code(), line.amount());
                    merge(deductions, deductionsExact, line);
                }
            }
        }
        List<Line> deducted = new ArrayList<>(rounded(deductions, deductionsExact));
        if (!segments.isEmpty()) {
            deducted.addAll(statutory(segments, values, ownEarnings, extraEarnings, gross, covered, settings));
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

    /** PF, ESI and TDS, each structure judged by its own switches (see {@link #compute(List, int, List, PayrollSettings)}). */
    private static List<Line> statutory(List<Segment> segments, List<Map<String, BigDecimal>> values,
            List<BigDecimal> ownEarnings, BigDecimal extraEarnings, BigDecimal gross, int covered,
            PayrollSettings settings) {
        boolean one = segments.size() == 1;
        BigDecimal pfBasic = BigDecimal.ZERO;
        int pfDays = 0;
        List<String> pfPeriods = new ArrayList<>();
        BigDecimal esiGross = BigDecimal.ZERO;
        List<String> esiPeriods = new ArrayList<>();
        BigDecimal tds = BigDecimal.ZERO;
        List<String> tdsParts = new ArrayList<>();
        Set<BigDecimal> tdsRates = new HashSet<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            Structure structure = segment.structure();
            BigDecimal segmentGross = one ? gross
                    : ownEarnings.get(i).add(share(extraEarnings, segment.paymentDays(), covered));
            if (structure.pf()) {
                pfBasic = pfBasic.add(values.get(i).get("BASIC"));
                pfDays += segment.paymentDays();
                pfPeriods.add(segment.period());
            }
            if (structure.esi()) {
                esiGross = esiGross.add(segmentGross);
                esiPeriods.add(segment.period());
            }
            BigDecimal rate = structure.tdsPercent();
            if (rate != null && rate.signum() > 0) {
                tds = tds.add(segmentGross.multiply(rate).movePointLeft(2));
                tdsRates.add(rate.stripTrailingZeros());
                tdsParts.add(plain(rate) + "% of GROSS " + Money.of(segmentGross).toPlainString()
                        + (one || segment.period() == null ? "" : " (" + segment.period() + ")"));
            }
        }
        List<Line> lines = new ArrayList<>();
        if (!pfPeriods.isEmpty()) {
            boolean whole = pfDays == covered;
            BigDecimal ceiling = whole ? settings.pfWageCeiling() : share(settings.pfWageCeiling(), pfDays, covered);
            String periods = periods(pfPeriods, pfPeriods.size() == segments.size());
            String basis = pfBasic.compareTo(ceiling) <= 0
                    ? "BASIC " + Money.of(pfBasic).toPlainString() + periods
                    : "the wage ceiling " + plain(settings.pfWageCeiling())
                            + (whole ? "" : " x " + pfDays + "/" + covered + " days") + periods;
            lines.add(new Line(Kind.DEDUCTION, "PF", "Provident fund (EPF)",
                    percentOf(pfBasic.min(ceiling), settings.pfPercent()), null,
                    plain(settings.pfPercent()) + "% of " + basis, false));
        }
        if (!esiPeriods.isEmpty() && gross.compareTo(settings.esiGrossCeiling()) <= 0) {
            lines.add(new Line(Kind.DEDUCTION, "ESI", "Employees' State Insurance",
                    percentOf(esiGross, settings.esiPercent()), null,
                    plain(settings.esiPercent()) + "% of GROSS " + Money.of(esiGross).toPlainString()
                            + periods(esiPeriods, esiPeriods.size() == segments.size()), false));
        }
        if (!tdsParts.isEmpty()) {
            String basis = tdsParts.size() == segments.size() && tdsRates.size() == 1
                    ? plain(tdsRates.iterator().next()) + "% of GROSS " + gross.toPlainString()
                    : String.join("; ", tdsParts);
            lines.add(new Line(Kind.DEDUCTION, "TDS", "Income tax (TDS)", Money.of(tds), null, basis, false));
        }
        return lines;
    }

    /** The periods a statutory deduction was taken on, when it was not taken on all of the slip's. */
    private static String periods(List<String> periods, boolean all) {
        if (all || periods.stream().anyMatch(p -> p == null)) {
            return "";
        }
        return " (" + String.join(", ", periods) + ")";
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

    /**
     * Adds a line, or its amount and basis to the line of its code already there; {@code exact} keeps the
     * exact sum of the amounts by code, for {@link #rounded} to round once.
     */
    private static void merge(Map<String, Line> lines, Map<String, BigDecimal> exact, Line line) {
        exact.merge(line.code(), line.amount(), BigDecimal::add);
        Line there = lines.get(line.code());
        if (there == null) {
            lines.put(line.code(), line);
            return;
        }
        lines.put(line.code(), new Line(line.kind(), line.code(), line.name(), there.amount().add(line.amount()),
                null, there.basis() + "; " + line.basis(), there.prorated() || line.prorated()));
    }

    /** The merged lines, each amount its exact sum rounded once. */
    private static List<Line> rounded(Map<String, Line> lines, Map<String, BigDecimal> exact) {
        List<Line> out = new ArrayList<>();
        for (Line line : lines.values()) {
            out.add(new Line(line.kind(), line.code(), line.name(), Money.of(exact.get(line.code())), line.batchId(),
                    line.basis(), line.prorated()));
        }
        return out;
    }

    private static Line component(Component c, Map<String, BigDecimal> values, int paymentDays, int workingDays,
            String days, boolean exact) {
        if (c.calc() == Calc.FIXED) {
            return new Line(c.kind(), c.code(), c.name(), prorate(c.amount(), paymentDays, workingDays, exact), null,
                    "monthly " + c.amount().setScale(2).toPlainString() + days, true);
        }
        BigDecimal base = values.get(c.of());
        if (base == null) {
            throw new IllegalArgumentException(c.code() + " refers to " + c.of() + ", which comes after it");
        }
        BigDecimal amount = exact ? base.multiply(c.percent()).movePointLeft(2) : percentOf(base, c.percent());
        return new Line(c.kind(), c.code(), c.name(), amount, null,
                plain(c.percent()) + "% of " + c.of() + " " + Money.of(base).toPlainString(),
                !"GROSS".equals(c.of()));
    }

    /** Digits kept of an exact share that does not end (such as 10,000.00 x 10/31) before it is rounded once. */
    private static final int EXACT_SCALE = 20;

    /** The monthly amount for the payment days: rounded to the paisa, or exact to be rounded later. */
    private static BigDecimal prorate(BigDecimal monthly, int paymentDays, int workingDays, boolean exact) {
        return exact ? share(monthly, paymentDays, workingDays)
                : monthly.multiply(BigDecimal.valueOf(paymentDays))
                        .divide(BigDecimal.valueOf(workingDays), Money.SCALE, RoundingMode.HALF_UP);
    }

    /** {@code amount x days / of}, unrounded (to {@link #EXACT_SCALE} places); zero when {@code of} is zero. */
    private static BigDecimal share(BigDecimal amount, int days, int of) {
        if (of == 0) {
            return BigDecimal.ZERO;
        }
        return amount.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(of), EXACT_SCALE,
                RoundingMode.HALF_UP);
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
