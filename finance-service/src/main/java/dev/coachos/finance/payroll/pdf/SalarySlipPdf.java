package dev.coachos.finance.payroll.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import dev.coachos.finance.money.IndianFormat;
import dev.coachos.finance.receipt.pdf.ReceiptFonts;

/**
 * Prints a {@link SalarySlipDocument} as an A4 PDF: the institute and branch, whose slip and which month,
 * working and payment days, the earnings and the deductions each with how it was reached, gross, total
 * deductions, net in figures (Indian grouping, rupee sign) and words, and how it was paid. A slip that is
 * not yet approved or was cancelled is stamped so across the page. Fonts: DejaVu Sans from the receipts' pool
 * ({@link ReceiptFonts}), embedded as a subset. Long slips continue on further pages.
 *
 * <p>One instance serves any number of threads; every call builds its own document.
 */
public final class SalarySlipPdf {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);
    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float LEFT = 42f;
    private static final float RIGHT = SIZE.getWidth() - 42f;
    private static final float TOP = SIZE.getHeight() - 42f;
    private static final float BOTTOM = 72f;
    private static final Color INK = new Color(0x1f, 0x1f, 0x1f);
    private static final Color MUTED = new Color(0x5f, 0x63, 0x68);
    private static final Color BAND = new Color(0xee, 0xf0, 0xf2);
    private static final Color STAMP = new Color(0xc6, 0x28, 0x28);
    /** The space kept between a text and the one to its right. */
    private static final float GAP = 12f;
    private static final String ELLIPSIS = "\u2026";

    private final ReceiptFonts fonts = ReceiptFonts.shared();

    public byte[] render(SalarySlipDocument slip) {
        try (ReceiptFonts.Lease lease = fonts.lease(); PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle("Salary slip " + MONTH.format(slip.month()));
            document.getDocumentInformation().setAuthor(slip.instituteName());
            document.getDocumentInformation().setCreator("Coaching Center OS");
            try (Page page = new Page(document, lease.regular(), lease.bold())) {
                header(page, slip);
                lines(page, "EARNINGS", slip.lines().stream().filter(SalarySlipDocument.Line::earning).toList(),
                        "Gross", slip.gross());
                lines(page, "DEDUCTIONS", slip.lines().stream().filter(l -> !l.earning()).toList(),
                        "Total deductions", slip.deductions());
                net(page, slip);
                page.finish(switch (slip.status()) {
                    case "DRAFT" -> "DRAFT";
                    case "CANCELLED" -> "CANCELLED";
                    default -> null;
                });
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the salary slip", e);
        }
    }

    private static void header(Page page, SalarySlipDocument slip) throws IOException {
        float title = page.textRight("SALARY SLIP", true, 16f, INK, RIGHT);
        page.text(slip.instituteName(), true, 15f, INK, LEFT, title - GAP);
        page.down(20f);
        float month = page.textRight(MONTH.format(slip.month()), true, 11f, INK, RIGHT);
        page.text(slip.branchName() == null ? "" : slip.branchName(), true, 9.5f, INK, LEFT, month - GAP);
        page.down(22f);
        page.band(24f);
        float days = page.textRight("Working days " + slip.workingDays() + "   Payment days "
                + slip.paymentDays().stripTrailingZeros().toPlainString(), false, 9f, INK, RIGHT - 4f);
        page.text("Employee: " + (slip.personName() == null ? slip.personId() : slip.personName()), true, 9.5f, INK,
                LEFT + 4f, days - GAP);
        page.down(14f);
        page.text("Employee ID: " + slip.personId(), false, 8f, MUTED, LEFT + 4f, RIGHT - 4f);
        page.down(16f);
        if (slip.amends() != null) {
            page.text("Amends salary slip " + slip.amends(), true, 9f, STAMP, LEFT, RIGHT);
            page.down(16f);
        }
    }

    private static void lines(Page page, String title, List<SalarySlipDocument.Line> lines, String totalLabel,
            BigDecimal total) throws IOException {
        page.ensure(40f);
        page.text(title, true, 8.5f, MUTED, LEFT, RIGHT);
        page.textRight("Amount (" + IndianFormat.RUPEE_SIGN + ")", true, 8.5f, MUTED, RIGHT);
        page.down(6f);
        page.rule(0.75f);
        page.down(12f);
        for (SalarySlipDocument.Line line : lines) {
            page.ensure(24f);
            float amount = page.textRight(IndianFormat.format(line.amount()), false, 9f, INK, RIGHT);
            page.text(line.name(), false, 9f, INK, LEFT, amount - GAP);
            if (line.basis() != null) {
                for (String part : page.wrap(line.basis(), false, 7.5f, RIGHT - LEFT - 8f, 3)) {
                    page.down(11f);
                    page.ensure(14f);
                    page.text(part, false, 7.5f, MUTED, LEFT + 8f, RIGHT);
                }
            }
            page.down(14f);
        }
        page.rule(0.5f);
        page.down(12f);
        page.text(totalLabel, true, 9.5f, INK, LEFT, RIGHT);
        page.textRight(IndianFormat.format(total), true, 9.5f, INK, RIGHT);
        page.down(22f);
    }

    private static void net(Page page, SalarySlipDocument slip) throws IOException {
        page.ensure(80f);
        page.band(26f);
        page.text("Net pay", true, 12f, INK, LEFT + 4f, RIGHT);
        page.textRight(IndianFormat.rupees(slip.net()), true, 12f, INK, RIGHT - 4f);
        page.down(26f);
        List<String> words = page.wrap(slip.netInWords(), true, 9f, RIGHT - LEFT, 3);
        for (int i = 0; i < words.size(); i++) {
            page.text(words.get(i), true, 9f, INK, LEFT, RIGHT);
            page.down(i == words.size() - 1 ? 18f : 12f);
        }
        if (slip.paidOn() != null) {
            page.text("Paid on " + DATE.format(slip.paidOn()) + " by " + slip.paidMethod().replace('_', ' ')
                    + (slip.paidReference() == null ? "" : ", reference " + slip.paidReference()), false, 9f, INK, LEFT,
                    RIGHT);
            page.down(16f);
        }
    }

    /** The pages being written, with a cursor moving down; a new page starts when one is full. */
    private static final class Page implements AutoCloseable {

        private final PDDocument document;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final CmapLookup regularCmap;
        private final CmapLookup boldCmap;
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream out;
        private float y;

        Page(PDDocument document, TrueTypeFont regular, TrueTypeFont bold) throws IOException {
            this.document = document;
            this.regular = PDType0Font.load(document, regular, true);
            this.bold = PDType0Font.load(document, bold, true);
            this.regularCmap = regular.getUnicodeCmapLookup();
            this.boldCmap = bold.getUnicodeCmapLookup();
            newPage();
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(SIZE);
            document.addPage(page);
            pages.add(page);
            out = new PDPageContentStream(document, page);
            y = TOP - 12f;
        }

        void ensure(float points) throws IOException {
            if (y - points < BOTTOM) {
                newPage();
            }
        }

        void down(float points) {
            y -= points;
        }

        /** Writes text from x, shortened with an ellipsis where it would pass {@code limit}. */
        void text(String text, boolean strong, float size, Color color, float x, float limit) throws IOException {
            write(fit(printable(text, strong), strong, size, limit - x), strong, size, color, x);
        }

        /** Writes text ending at {@code right}; returns where it starts. */
        float textRight(String text, boolean strong, float size, Color color, float right) throws IOException {
            String printable = printable(text, strong);
            float x = right - width(printable, strong, size);
            write(printable, strong, size, color, x);
            return x;
        }

        float width(String printable, boolean strong, float size) throws IOException {
            return (strong ? bold : regular).getStringWidth(printable) / 1000f * size;
        }

        /** The text as it fits the width by the font's measure, cut at a character and ended with an ellipsis. */
        String fit(String printable, boolean strong, float size, float width) throws IOException {
            if (width(printable, strong, size) <= width) {
                return printable;
            }
            int end = printable.length();
            while (end > 0 && width(printable.substring(0, end).stripTrailing() + ELLIPSIS, strong, size) > width) {
                end = printable.offsetByCodePoints(end, -1);
            }
            return printable.substring(0, end).stripTrailing() + ELLIPSIS;
        }

        /**
         * The text broken at spaces into lines of at most the width (a word longer than a line is cut), at
         * most {@code max} lines, the last shortened with an ellipsis when more was left.
         */
        List<String> wrap(String text, boolean strong, float size, float width, int max) throws IOException {
            String printable = printable(text, strong).strip();
            List<String> lines = new ArrayList<>();
            while (!printable.isEmpty() && lines.size() < max) {
                if (lines.size() == max - 1 || width(printable, strong, size) <= width) {
                    lines.add(fit(printable, strong, size, width));
                    break;
                }
                int end = printable.length();
                while (end > 1 && width(printable.substring(0, end), strong, size) > width) {
                    end = printable.offsetByCodePoints(end, -1);
                }
                int space = printable.lastIndexOf(' ', end);
                int cut = space > 0 && printable.charAt(end) != ' ' ? space : end;
                lines.add(printable.substring(0, cut).stripTrailing());
                printable = printable.substring(cut).strip();
            }
            return lines;
        }

        private void write(String printable, boolean strong, float size, Color color, float x) throws IOException {
            out.beginText();
            out.setFont(strong ? bold : regular, size);
            out.setNonStrokingColor(color);
            out.newLineAtOffset(x, y);
            out.showText(printable);
            out.endText();
        }

        void rule(float thickness) throws IOException {
            out.setStrokingColor(INK);
            out.setLineWidth(thickness);
            out.moveTo(LEFT, y);
            out.lineTo(RIGHT, y);
            out.stroke();
        }

        void band(float height) throws IOException {
            out.setNonStrokingColor(BAND);
            out.addRect(LEFT, y - height + 14f, RIGHT - LEFT, height);
            out.fill();
            y -= 2f;
        }

        /** Footer and page numbers on every page, and a stamp across each when given. */
        void finish(String stamp) throws IOException {
            close();
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream page = new PDPageContentStream(document, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    footer(page, "This is a computer-generated salary slip and needs no signature.   Page " + (i + 1)
                            + " of " + pages.size());
                    if (stamp != null) {
                        page.beginText();
                        page.setFont(bold, 72f);
                        page.setNonStrokingColor(new Color(0xc6, 0x28, 0x28, 0x40));
                        page.setTextMatrix(org.apache.pdfbox.util.Matrix.getRotateInstance(Math.toRadians(35), 150f, 260f));
                        page.showText(stamp);
                        page.endText();
                    }
                }
            }
        }

        private void footer(PDPageContentStream page, String text) throws IOException {
            page.beginText();
            page.setFont(regular, 7.5f);
            page.setNonStrokingColor(MUTED);
            page.newLineAtOffset(LEFT, 40f);
            page.showText(printable(text, false));
            page.endText();
        }

        private String printable(String text, boolean strong) {
            CmapLookup cmap = strong ? boldCmap : regularCmap;
            StringBuilder printable = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                    printable.append(' ');
                } else if (cmap.getGlyphId(c) == 0) {
                    printable.append('?');
                } else {
                    printable.appendCodePoint(c);
                }
            });
            return printable.toString();
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
                out = null;
            }
        }
    }
}
