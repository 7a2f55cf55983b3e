package dev.coachos.finance.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.finance.payroll.SalaryMath.Calc;
import dev.coachos.finance.payroll.SalaryMath.Component;
import dev.coachos.finance.payroll.SalaryMath.Extra;
import dev.coachos.finance.payroll.SalaryMath.Invalid;
import dev.coachos.finance.payroll.SalaryMath.Kind;
import dev.coachos.finance.payroll.SalaryMath.Line;
import dev.coachos.finance.payroll.SalaryMath.Segment;
import dev.coachos.finance.payroll.SalaryMath.Slip;
import dev.coachos.finance.payroll.SalaryMath.Structure;

/** Worked examples of a salary slip, every figure written down. */
class SalaryMathTest {

    private static final PayrollSettings DEFAULTS = PayrollSettings.defaults();

    private static BigDecimal inr(String amount) {
        return new BigDecimal(amount);
    }

    private static Component fixed(String code, Kind kind, String amount) {
        return new Component(code, code.charAt(0) + code.substring(1).toLowerCase(), kind, Calc.FIXED, inr(amount),
                null, null);
    }

    private static Component percent(String code, Kind kind, String percent, String of) {
        return new Component(code, code.charAt(0) + code.substring(1).toLowerCase(), kind, Calc.PERCENT, null,
                inr(percent), of);
    }

    private static String amounts(Slip slip) {
        return String.join(" ", slip.lines().stream().map(l -> l.code() + "=" + l.amount().toPlainString()).toList());
    }

    @Test
    void aRaiseFromTheFifteenthPaysEachStructureForItsDaysAndJudgesPfAndEsiOnceOnTheWhole() {
        // November 2026, 30 days. 1-14 Nov: 30,000.00 base, HRA 40% of BASIC; 15-30 Nov: 33,000.00, HRA 40%.
        Structure before = new Structure(inr("30000.00"), List.of(percent("HRA", Kind.EARNING, "40", "BASIC")),
                true, true, null);
        Structure after = new Structure(inr("33000.00"), List.of(percent("HRA", Kind.EARNING, "40", "BASIC"),
                percent("WELFARE", Kind.DEDUCTION, "1", "GROSS")), true, true, null);
        Slip slip = SalaryMath.compute(List.of(new SalaryMath.Segment(before, 14, "01-14 Nov"),
                new SalaryMath.Segment(after, 16, "15-30 Nov")), 30, List.of(), DEFAULTS);

        // BASIC 30,000.00 x 14/30 = 14,000.00 + 33,000.00 x 16/30 = 17,600.00: 31,600.00.
        // HRA 40% of each: 5,600.00 + 7,040.00 = 12,640.00. Gross 44,240.00.
        // WELFARE (after only) 1% of GROSS for its 16 of 30 covered days: 44,240.00 x 16/30 = 23,594.67; 235.95.
        // PF once: 12% of min(31,600.00, 15,000.00) = 1,800.00 (per structure it would be 1,680.00 + 1,800.00).
        // ESI: the combined gross 44,240.00 is above 21,000.00, so none (1-14 Nov alone, 19,600.00, was within).
        // Deductions 2,035.95; net 42,204.05.
        assertThat(amounts(slip)).isEqualTo("BASIC=31600.00 HRA=12640.00 WELFARE=235.95 PF=1800.00");
        assertThat(slip.paymentDays()).isEqualTo(30);
        assertThat(slip.gross()).isEqualTo(inr("44240.00"));
        assertThat(slip.deductions()).isEqualTo(inr("2035.95"));
        assertThat(slip.net()).isEqualTo(inr("42204.05"));
        assertThat(slip.lines().getFirst().basis())
                .isEqualTo("base pay 30000.00 x 14/30 days (01-14 Nov); base pay 33000.00 x 16/30 days (15-30 Nov)");
    }

    @Test
    void aSlipAboveTheLargestAmountIsTold() {
        Structure structure = new Structure(inr("9999999999.99"), List.of(), false, false, null);
        assertThat(SalaryMath.tooLarge(SalaryMath.compute(structure, 30, 30, List.of(), DEFAULTS))).isEmpty();
        Slip above = SalaryMath.compute(structure, 30, 30, List.of(new Extra(Kind.EARNING, "BONUS", "Bonus",
                inr("0.01"), null, "correction")), DEFAULTS);
        assertThat(SalaryMath.tooLarge(above)).hasValue("gross 10000000000.00 is above the largest amount 9999999999.99");
    }

    @Test
    void thirtyThousandWithHraAndConveyanceForTwentyOfThirtyDaysWithPfAndTds() {
        // November 2026 has 30 days; the structure began on the 11th: 20 payment days.
        Structure structure = new Structure(inr("30000.00"), List.of(
                percent("HRA", Kind.EARNING, "40", "BASIC"),
                fixed("CONVEYANCE", Kind.EARNING, "1600.00")), true, false, inr("5"));
        Slip slip = SalaryMath.compute(structure, 30, 20, List.of(), DEFAULTS);

        // BASIC 30,000.00 x 20/30 = 20,000.00; HRA 40% of 20,000.00 = 8,000.00;
        // conveyance 1,600.00 x 20/30 = 1,066.666.. = 1,066.67; gross 29,066.67.
        // PF 12% of min(20,000.00, 15,000) = 1,800.00; TDS 5% of 29,066.67 = 1,453.3335 = 1,453.33.
        // Deductions 3,253.33; net 25,813.34.
        assertThat(amounts(slip)).isEqualTo("BASIC=20000.00 HRA=8000.00 CONVEYANCE=1066.67 PF=1800.00 TDS=1453.33");
        assertThat(slip.gross()).isEqualTo(inr("29066.67"));
        assertThat(slip.deductions()).isEqualTo(inr("3253.33"));
        assertThat(slip.net()).isEqualTo(inr("25813.34"));
        assertThat(slip.payable()).isTrue();
        assertThat(slip.lines()).extracting(Line::prorated).containsExactly(true, true, true, false, false);
        assertThat(slip.lines().get(0).basis()).isEqualTo("base pay 30000.00 x 20/30 days");
        assertThat(slip.lines().get(3).basis()).isEqualTo("12% of the wage ceiling 15000");
    }

    @Test
    void aSmallSalaryWithBatchPayPaysEsiWhileGrossIsWithinTheCeiling() {
        Structure structure = new Structure(inr("12000.00"), List.of(), true, true, null);
        UUID batch = UUID.randomUUID();
        List<Extra> batchPay = List.of(new Extra(Kind.EARNING, "BATCH_FIXED", "Batch pay: JEE A", inr("8000.00"),
                batch, "monthly compensation 8000.00"));
        Slip slip = SalaryMath.compute(structure, 30, 30, batchPay, DEFAULTS);

        // BASIC 12,000.00 (whole month); batch pay 8,000.00 as computed; gross 20,000.00.
        // PF 12% of 12,000.00 = 1,440.00; ESI 0.75% of 20,000.00 = 150.00 (gross within 21,000); net 18,410.00.
        assertThat(amounts(slip)).isEqualTo("BASIC=12000.00 BATCH_FIXED=8000.00 PF=1440.00 ESI=150.00");
        assertThat(slip.lines().get(1).batchId()).isEqualTo(batch);
        assertThat(slip.net()).isEqualTo(inr("18410.00"));

        // 1,000.01 more batch pay takes gross to 21,000.01, above the ceiling: no ESI.
        Slip above = SalaryMath.compute(structure, 30, 30, List.of(batchPay.getFirst(),
                new Extra(Kind.EARNING, "BATCH_SESSIONS", "Sessions: JEE A", inr("1000.01"), batch, "1 session")),
                DEFAULTS);
        assertThat(above.gross()).isEqualTo(inr("21000.01"));
        assertThat(amounts(above)).isEqualTo("BASIC=12000.00 BATCH_FIXED=8000.00 BATCH_SESSIONS=1000.01 PF=1440.00");
        assertThat(above.net()).isEqualTo(inr("19560.01"));
    }

    @Test
    void percentsFollowWhatTheyReferToAndGrossDeductionsComeAfterEarnings() {
        // December 2026 has 31 days; the structure began on the 17th: 15 payment days.
        Structure structure = new Structure(inr("10000.00"), List.of(
                percent("HRA", Kind.EARNING, "50", "BASIC"),
                percent("WELFARE", Kind.DEDUCTION, "1", "GROSS"),
                percent("SPECIAL", Kind.EARNING, "10", "HRA"),
                fixed("LOAN", Kind.DEDUCTION, "500.00")), false, false, BigDecimal.ZERO);
        Slip slip = SalaryMath.compute(structure, 31, 15, List.of(), DEFAULTS);

        // BASIC 10,000.00 x 15/31 = 4,838.709.. = 4,838.71; HRA 50% of 4,838.71 = 2,419.355 = 2,419.36;
        // SPECIAL 10% of 2,419.36 = 241.936 = 241.94; gross 7,500.01.
        // WELFARE 1% of 7,500.01 = 75.0001 = 75.00; LOAN 500.00 x 15/31 = 241.935.. = 241.94; net 7,183.07.
        assertThat(amounts(slip)).isEqualTo(
                "BASIC=4838.71 HRA=2419.36 SPECIAL=241.94 WELFARE=75.00 LOAN=241.94");
        assertThat(slip.gross()).isEqualTo(inr("7500.01"));
        assertThat(slip.deductions()).isEqualTo(inr("316.94"));
        assertThat(slip.net()).isEqualTo(inr("7183.07"));
    }

    @Test
    void deductionsAboveGrossMakeASlipThatIsNotPayable() {
        Structure structure = new Structure(inr("1000.00"), List.of(fixed("LOAN", Kind.DEDUCTION, "5000.00")), false,
                false, null);
        Slip slip = SalaryMath.compute(structure, 30, 30, List.of(), DEFAULTS);
        assertThat(slip.net()).isEqualTo(inr("-4000.00"));
        assertThat(slip.payable()).isFalse();
    }

    @Test
    void aTeacherWithoutAStructureIsPaidTheBatchLinesAsTheyAre() {
        Slip slip = SalaryMath.compute(null, 30, 30, List.of(
                new Extra(Kind.EARNING, "BATCH_COMMISSION", "Commission: NEET B", inr("4500.00"), null, "9 x 500.00")),
                DEFAULTS);
        assertThat(amounts(slip)).isEqualTo("BATCH_COMMISSION=4500.00");
        assertThat(slip.net()).isEqualTo(inr("4500.00"));
    }

    @Test
    void validationNamesTheComponentAndWhatIsWrong() {
        List<Invalid> invalid = SalaryMath.validate(List.of(
                percent("HRA", Kind.EARNING, "40", "SPECIAL"),
                percent("SPECIAL", Kind.EARNING, "10", "HRA"),
                fixed("HRA", Kind.EARNING, "100.00"),
                new Component("BOTH", "Both", Kind.EARNING, Calc.FIXED, inr("1.00"), inr("5"), null),
                new Component("NEITHER", "Neither", Kind.DEDUCTION, Calc.PERCENT, null, null, null),
                percent("BONUS", Kind.EARNING, "5", "GROSS"),
                percent("ARREARS", Kind.EARNING, "5", "NOPE"),
                fixed("PF", Kind.DEDUCTION, "1.00"),
                percent("SELF", Kind.DEDUCTION, "5", "SELF")));
        assertThat(invalid).extracting(Invalid::message).containsExactly(
                "components[0] (HRA): refers to SPECIAL, which is listed after it (and the references form a cycle);"
                        + " list what it refers to before it",
                "components[2] (HRA): the code HRA is listed twice",
                "components[3] (BOTH): a FIXED component has an amount, and no percent or of",
                "components[4] (NEITHER): a PERCENT component has a percent and of, and no amount",
                "components[5] (BONUS): an earning cannot be a percent of GROSS, which adds up the earnings",
                "components[6] (ARREARS): refers to NOPE, which is neither BASIC, GROSS nor a component of this structure",
                "components[7] (PF): PF is reserved for the slip itself",
                "components[8] (SELF): refers to itself");
        assertThat(SalaryMath.validate(List.of(percent("HRA", Kind.EARNING, "40", "BASIC"),
                percent("SPECIAL", Kind.EARNING, "10", "HRA"), percent("WELFARE", Kind.DEDUCTION, "1", "GROSS"))))
                .isEmpty();
    }

    private static String basis(Slip slip, String code) {
        return slip.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow().basis();
    }

    @Test
    void pfAndEsiSwitchedOnMidMonthAreTakenOnlyOnWhatWasEarnedAfter() {
        // November 2026, 30 days. 1-15 Nov: 30,000.00 base, no PF or ESI, TDS 10%; 16-30 Nov: 10,000.00,
        // PF and ESI, no TDS.
        Structure before = new Structure(inr("30000.00"), List.of(), false, false, inr("10"));
        Structure after = new Structure(inr("10000.00"), List.of(), true, true, null);
        Slip slip = SalaryMath.compute(List.of(new Segment(before, 15, "01-15 Nov"),
                new Segment(after, 15, "16-30 Nov")), 30, List.of(), DEFAULTS);

        // BASIC 30,000.00 x 15/30 = 15,000.00 + 10,000.00 x 15/30 = 5,000.00: 20,000.00; gross the same.
        // PF on the 5,000.00 earned under PF (within 15,000.00 x 15/30 = 7,500.00): 12% = 600.00
        // (on the combined BASIC with the latest switch it was 12% of 15,000.00 = 1,800.00).
        // ESI: gross 20,000.00 within 21,000.00; 0.75% of the 5,000.00 earned under ESI = 37.50 (was 150.00).
        // TDS: 10% of the 15,000.00 earned under the structure with TDS = 1,500.00 (was none).
        // Deductions 2,137.50; net 17,862.50.
        assertThat(amounts(slip)).isEqualTo("BASIC=20000.00 PF=600.00 ESI=37.50 TDS=1500.00");
        assertThat(slip.gross()).isEqualTo(inr("20000.00"));
        assertThat(slip.deductions()).isEqualTo(inr("2137.50"));
        assertThat(slip.net()).isEqualTo(inr("17862.50"));
        assertThat(basis(slip, "PF")).isEqualTo("12% of BASIC 5000.00 (16-30 Nov)");
        assertThat(basis(slip, "ESI")).isEqualTo("0.75% of GROSS 5000.00 (16-30 Nov)");
        assertThat(basis(slip, "TDS")).isEqualTo("10% of GROSS 15000.00 (01-15 Nov)");
    }

    @Test
    void pfAndEsiSwitchedOffMidMonthAreStillTakenOnWhatWasEarnedBefore() {
        // The other way round: 1-15 Nov 30,000.00 with PF and ESI, no TDS; 16-30 Nov 10,000.00, TDS 10% only.
        Structure before = new Structure(inr("30000.00"), List.of(), true, true, null);
        Structure after = new Structure(inr("10000.00"), List.of(), false, false, inr("10"));
        Slip slip = SalaryMath.compute(List.of(new Segment(before, 15, "01-15 Nov"),
                new Segment(after, 15, "16-30 Nov")), 30, List.of(), DEFAULTS);

        // PF on the 15,000.00 earned under PF, capped at half the ceiling, 7,500.00: 900.00 (was none).
        // ESI 0.75% of 15,000.00 = 112.50 (was none). TDS 10% of the 5,000.00 earned after = 500.00 (was 10%
        // of the whole 20,000.00 = 2,000.00). Deductions 1,512.50; net 18,487.50.
        assertThat(amounts(slip)).isEqualTo("BASIC=20000.00 PF=900.00 ESI=112.50 TDS=500.00");
        assertThat(slip.deductions()).isEqualTo(inr("1512.50"));
        assertThat(slip.net()).isEqualTo(inr("18487.50"));
        assertThat(basis(slip, "PF")).isEqualTo("12% of the wage ceiling 15000 x 15/30 days (01-15 Nov)");
        assertThat(basis(slip, "TDS")).isEqualTo("10% of GROSS 5000.00 (16-30 Nov)");
    }

    @Test
    void threeIdenticalStructuresOverTheMonthPayTheBaseExactly() {
        // December 2026, 31 days; the same 10,000.00 structure (HRA 40% of BASIC) three times: 10, 10, 11 days.
        Structure structure = new Structure(inr("10000.00"), List.of(percent("HRA", Kind.EARNING, "40", "BASIC")),
                false, false, null);
        Slip slip = SalaryMath.compute(List.of(new Segment(structure, 10, "01-10 Dec"),
                new Segment(structure, 10, "11-20 Dec"), new Segment(structure, 11, "21-31 Dec")), 31, List.of(),
                DEFAULTS);

        // BASIC 3,225.806.. + 3,225.806.. + 3,548.387.. = 10,000.00 exactly, rounded once (each rounded
        // alone: 3,225.81 + 3,225.81 + 3,548.39 = 10,000.01). HRA 40% of the exact shares: 4,000.00.
        assertThat(amounts(slip)).isEqualTo("BASIC=10000.00 HRA=4000.00");
        assertThat(slip.gross()).isEqualTo(inr("14000.00"));
        assertThat(slip.net()).isEqualTo(inr("14000.00"));
    }

    @Test
    void twoHalvesOfAMonthPayTheBaseExactly() {
        // November 2026, 30 days: 30,000.01 with a 0.05 LOAN deduction, 15 days each under two structures.
        Structure structure = new Structure(inr("30000.01"), List.of(fixed("LOAN", Kind.DEDUCTION, "0.05")), false,
                false, null);
        Slip slip = SalaryMath.compute(List.of(new Segment(structure, 15, "01-15 Nov"),
                new Segment(structure, 15, "16-30 Nov")), 30, List.of(), DEFAULTS);

        // BASIC 15,000.005 + 15,000.005 = 30,000.01 (each rounded alone: 15,000.01 x 2 = 30,000.02);
        // LOAN 0.025 + 0.025 = 0.05 (not 0.03 x 2). Net 29,999.96.
        assertThat(amounts(slip)).isEqualTo("BASIC=30000.01 LOAN=0.05");
        assertThat(slip.net()).isEqualTo(inr("29999.96"));
    }
}
