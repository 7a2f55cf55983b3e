package dev.coachos.finance.payroll.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** Long names and bases stay in their columns: no glyph past the margin, none over another on its line. */
class SalarySlipPdfTest {

    private static final float RIGHT = PDRectangle.A4.getWidth() - 42f;

    @Test
    void longNamesAndBasesAreFittedToTheirColumns() throws IOException {
        String name = "Venkata Subramaniam Lakshminarayanan Chidambaram Ramaswamy Iyer Padmanabhan Krishnamurthy Raghunathan";
        String longName = (name + " Sundararajan Srinivasan").substring(0, 120);
        String lineName = "Special allowance for residential coaching duties at the Dwarka branch over the long weekend";
        String basis = "base pay 30000.00 x 14/30 days (01-14 Nov); base pay 33000.00 x 16/30 days (15-30 Nov); "
                + "monthly 1600.00 x 14/30 days (01-14 Nov); monthly 1800.00 x 16/30 days (15-30 Nov); and the arrears of October for the days held after the transfer";
        assertThat(longName).hasSize(120);
        assertThat(basis).hasSizeGreaterThanOrEqualTo(200);
        SalarySlipDocument slip = new SalarySlipDocument("Coaching Center", "Branch DEL", longName, UUID.randomUUID(),
                YearMonth.of(2026, 11), "PAID", 30, new BigDecimal("30"), List.of(
                        new SalarySlipDocument.Line(true, "Basic pay", basis, new BigDecimal("31600.00")),
                        new SalarySlipDocument.Line(true, lineName + " " + lineName, null, new BigDecimal("9999999999.99")),
                        new SalarySlipDocument.Line(false, "Provident fund (EPF)", "12% of the wage ceiling 15000",
                                new BigDecimal("1800.00"))),
                new BigDecimal("10000031599.99"), new BigDecimal("1800.00"), new BigDecimal("10000029799.99"),
                "One Thousand Crore Twenty Nine Thousand Seven Hundred Ninety Nine Rupees and Ninety Nine Paise Only",
                null, LocalDate.of(2026, 12, 1), "BANK_TRANSFER", "HDFCN52026112012345");

        List<TextPosition> glyphs = new ArrayList<>();
        String text;
        try (PDDocument document = Loader.loadPDF(new SalarySlipPdf().render(slip))) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    glyphs.add(text);
                    super.processTextPosition(text);
                }
            };
            stripper.setSortByPosition(true);
            text = stripper.getText(document);
        }
        // Nothing runs off the page.
        assertThat(glyphs).allSatisfy(g -> assertThat(g.getXDirAdj() + g.getWidthDirAdj()).isLessThanOrEqualTo(RIGHT + 0.5f));
        // On every line of text no glyph overlaps the next.
        Map<Integer, List<TextPosition>> rows = new TreeMap<>();
        for (TextPosition g : glyphs) {
            rows.computeIfAbsent(Math.round(g.getYDirAdj()), y -> new ArrayList<>()).add(g);
        }
        for (List<TextPosition> row : rows.values()) {
            row.sort((a, b) -> Float.compare(a.getXDirAdj(), b.getXDirAdj()));
            for (int i = 1; i < row.size(); i++) {
                TextPosition before = row.get(i - 1);
                assertThat(row.get(i).getXDirAdj()).as("'%s' then '%s'", before.getUnicode(), row.get(i).getUnicode())
                        .isGreaterThanOrEqualTo(before.getXDirAdj() + before.getWidthDirAdj() - 0.5f);
            }
        }
        assertThat(text).contains("Employee: Venkata Subramaniam", "\u2026", "Working days 30   Payment days 30",
                "9,99,99,99,999.99", "(15-30 Nov)", "Paise Only");
    }
}
