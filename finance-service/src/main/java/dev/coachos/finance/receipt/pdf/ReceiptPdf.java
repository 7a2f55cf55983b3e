package dev.coachos.finance.receipt.pdf;

import dev.coachos.finance.money.Gst;
import dev.coachos.finance.money.IndianFormat;
import dev.coachos.finance.receipt.pdf.ReceiptDocument.Allocation;
import dev.coachos.finance.receipt.pdf.ReceiptDocument.Kind;
import dev.coachos.finance.receipt.pdf.ReceiptDocument.Line;
import dev.coachos.finance.receipt.pdf.Sheet.Face;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Prints a {@link ReceiptDocument} as a one-page (when it fits) A4 PDF an accountant can file: the institute and
 * branch with the GSTIN on a tax invoice, the number and date, who it is billed to and the place of supply, the
 * lines with their tax heads, the total in figures and words, the payment, the installments it was applied to and
 * the balance still pending. A cancelled receipt is stamped CANCELLED across every page. Amounts use Indian digit
 * grouping with the rupee sign, in DejaVu Sans embedded as a subset (see {@link ReceiptFonts}).
 *
 * <p>One instance serves any number of threads at once; every call builds its own document.
 */
public final class ReceiptPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);

    private static final String FOOTER = "This is a computer-generated receipt and needs no signature.";

    private static final float TITLE = 18f;
    private static final float INSTITUTE = 15f;
    private static final float BODY = 9.5f;
    private static final float SMALL = 8.5f;
    private static final float LABEL = 7.5f;
    private static final float CELL = 8.5f;
    private static final float PADDING = 4f;

    private final ReceiptFonts fonts;

    /** Reads the fonts on first use of the class; fails when the font jar is missing from the classpath. */
    public ReceiptPdf() {
        this.fonts = ReceiptFonts.shared();
    }

    /**
     * Renders the receipt.
     *
     * @return the bytes of a PDF document
     * @throws UncheckedIOException when PDFBox cannot write the document
     */
    public byte[] render(ReceiptDocument receipt) {
        Objects.requireNonNull(receipt, "receipt");
        try (ReceiptFonts.Lease lease = fonts.lease();
                PDDocument document = new PDDocument()) {
            describe(document, receipt);
            String continued = receipt.kind().title() + " " + receipt.number() + " " + date(receipt.issuedOn())
                    + " (continued)";
            try (Sheet sheet = new Sheet(document, lease.regular(), lease.bold(), continued)) {
                header(sheet, receipt);
                parties(sheet, receipt);
                lines(sheet, receipt);
                total(sheet, receipt);
                payment(sheet, receipt);
                allocations(sheet, receipt);
                pending(sheet, receipt);
                sheet.finish(FOOTER, receipt.cancelled() ? "CANCELLED" : null);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render receipt " + receipt.number(), e);
        }
    }

    private static void describe(PDDocument document, ReceiptDocument receipt) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(receipt.kind().title() + " " + receipt.number());
        info.setAuthor(receipt.supplier().instituteName());
        info.setSubject(receipt.recipient().studentName());
        info.setCreator("Coaching Center OS");
    }

    private static void header(Sheet sheet, ReceiptDocument receipt) throws IOException {
        ReceiptDocument.Supplier supplier = receipt.supplier();
        Face regular = sheet.regular();
        Face bold = sheet.bold();
        float top = sheet.y();
        float rightWidth = 190f;
        float leftWidth = Sheet.WIDTH - rightWidth - 16f;

        // Left: who issues it.
        float y = top - INSTITUTE;
        for (String line : sheet.wrap(supplier.instituteName(), bold, INSTITUTE, leftWidth)) {
            sheet.text(line, bold, INSTITUTE, Sheet.INK, Sheet.LEFT, y);
            y -= INSTITUTE * 1.2f;
        }
        y -= 1f;
        y = paragraph(sheet, supplier.branchName(), bold, BODY, Sheet.INK, Sheet.LEFT, y, leftWidth);
        for (String addressLine : supplier.addressLines()) {
            y = paragraph(sheet, addressLine, regular, SMALL, Sheet.MUTED, Sheet.LEFT, y, leftWidth);
        }
        if (supplier.stateName() != null || supplier.stateCode() != null) {
            String state = supplier.stateName() == null ? "" : supplier.stateName();
            if (supplier.stateCode() != null) {
                state = state.isEmpty() ? "State code " + supplier.stateCode()
                        : state + " (state code " + supplier.stateCode() + ")";
            }
            y = paragraph(sheet, "State: " + state, regular, SMALL, Sheet.MUTED, Sheet.LEFT, y, leftWidth);
        }
        if (receipt.kind() == Kind.TAX_INVOICE) {
            y -= 2f;
            y = paragraph(sheet, "GSTIN: " + supplier.gstin(), bold, BODY, Sheet.INK, Sheet.LEFT, y, leftWidth);
        }

        // Right: what it is, its number and date.
        float right = Sheet.RIGHT;
        float ry = top - TITLE;
        sheet.textRight(receipt.kind().title(), bold, TITLE, Sheet.INK, right, ry);
        ry -= TITLE * 0.6f + LABEL + 4f;
        sheet.textRight(receipt.kind() == Kind.TAX_INVOICE ? "INVOICE NO." : "RECEIPT NO.", regular, LABEL,
                Sheet.MUTED, right, ry);
        ry -= BODY * 1.3f;
        sheet.textRight(receipt.number(), bold, BODY + 1f, Sheet.INK, right, ry);
        ry -= LABEL + 8f;
        sheet.textRight("DATE", regular, LABEL, Sheet.MUTED, right, ry);
        ry -= BODY * 1.3f;
        sheet.textRight(date(receipt.issuedOn()), bold, BODY + 1f, Sheet.INK, right, ry);
        ry -= BODY;

        sheet.moveTo(Math.min(y, ry) - 6f);
        sheet.rule(Sheet.LEFT, Sheet.RIGHT, sheet.y(), 1f, Sheet.INK);
        sheet.down(10f);

        if (receipt.cancelled()) {
            float leading = BODY * 1.4f;
            List<String> lines = sheet.wrap("CANCELLED: " + receipt.cancelReason(), bold, BODY,
                    Sheet.WIDTH - 2 * PADDING);
            float height = lines.size() * leading + 2 * PADDING;
            sheet.band(Sheet.LEFT, sheet.y(), Sheet.WIDTH, height, new Color(0xfd, 0xec, 0xea));
            float baseline = sheet.y() - PADDING - BODY;
            for (String line : lines) {
                sheet.text(line, bold, BODY, Sheet.STAMP, Sheet.LEFT + PADDING, baseline);
                baseline -= leading;
            }
            sheet.down(height + 10f);
        }
    }

    private static void parties(Sheet sheet, ReceiptDocument receipt) throws IOException {
        ReceiptDocument.Recipient recipient = receipt.recipient();
        Face regular = sheet.regular();
        Face bold = sheet.bold();
        float top = sheet.y();
        float half = Sheet.WIDTH / 2f;

        float y = top - LABEL;
        sheet.text("BILLED TO", regular, LABEL, Sheet.MUTED, Sheet.LEFT, y);
        y -= BODY * 1.5f;
        y = paragraph(sheet, recipient.studentName(), bold, BODY + 1f, Sheet.INK, Sheet.LEFT, y, half - 12f);
        y = paragraph(sheet, "Student ID: " + recipient.studentRef(), regular, SMALL, Sheet.INK, Sheet.LEFT, y,
                half - 12f);
        if (recipient.stateCode() != null) {
            y = paragraph(sheet, "State code: " + recipient.stateCode(), regular, SMALL, Sheet.INK, Sheet.LEFT, y,
                    half - 12f);
        }

        float ry = top;
        if (receipt.placeOfSupply() != null) {
            float x = Sheet.LEFT + half;
            ry -= LABEL;
            sheet.text("PLACE OF SUPPLY", regular, LABEL, Sheet.MUTED, x, ry);
            ry -= BODY * 1.5f;
            ry = paragraph(sheet, receipt.placeOfSupply(), bold, BODY + 1f, Sheet.INK, x, ry, half);
        }
        sheet.moveTo(Math.min(y, ry) - 10f);
    }

    private static void lines(Sheet sheet, ReceiptDocument receipt) throws IOException {
        List<Column<Line>> columns = new ArrayList<>();
        columns.add(Column.text("Description", 0f, Line::description));
        if (receipt.kind() == Kind.TAX_INVOICE) {
            columns.add(Column.text("SAC", 44f, line -> line.sac() == null ? "" : line.sac()));
            columns.add(Column.amount("Taxable value", 72f, Line::taxable));
            if (receipt.interState()) {
                columns.add(Column.amount("IGST " + percent(Gst.RATE), 66f, Line::igst));
            } else {
                columns.add(Column.amount("CGST " + percent(Gst.HALF_RATE), 62f, Line::cgst));
                columns.add(Column.amount("SGST " + percent(Gst.HALF_RATE), 62f, Line::sgst));
            }
        }
        columns.add(Column.amount("Amount (" + IndianFormat.RUPEE_SIGN + ")", 82f, Line::amount));
        table(sheet, columns, receipt.lines());
    }

    private static void total(Sheet sheet, ReceiptDocument receipt) throws IOException {
        Face regular = sheet.regular();
        Face bold = sheet.bold();
        float size = 12f;
        sheet.ensure(size * 2 + 40f);
        sheet.down(4f);
        float baseline = sheet.y() - size;
        String total = IndianFormat.rupees(receipt.total());
        sheet.textRight(total, bold, size, Sheet.INK, Sheet.RIGHT - PADDING, baseline);
        float labelRight = Sheet.RIGHT - PADDING - bold.width(bold.printable(total), size) - 14f;
        sheet.textRight("Total", bold, size, Sheet.INK, labelRight, baseline);
        sheet.down(size + 6f);
        sheet.rule(Sheet.RIGHT - 220f, Sheet.RIGHT, sheet.y(), 0.75f, Sheet.INK);
        sheet.down(10f);

        sheet.text("AMOUNT IN WORDS", regular, LABEL, Sheet.MUTED, Sheet.LEFT, sheet.y() - LABEL);
        float y = sheet.y() - LABEL - BODY * 1.5f;
        y = paragraph(sheet, receipt.totalInWords(), bold, BODY, Sheet.INK, Sheet.LEFT, y, Sheet.WIDTH);
        sheet.moveTo(y + BODY - 14f);
    }

    private static void payment(Sheet sheet, ReceiptDocument receipt) throws IOException {
        ReceiptDocument.Payment payment = receipt.payment();
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"Method", payment.method()});
        if (payment.reference() != null) {
            fields.add(new String[] {"Reference", payment.reference()});
        }
        fields.add(new String[] {"Received on", date(payment.receivedOn())});

        Face regular = sheet.regular();
        Face bold = sheet.bold();
        sheet.ensure(LABEL + BODY * 3f);
        sheet.text("PAYMENT", regular, LABEL, Sheet.MUTED, Sheet.LEFT, sheet.y() - LABEL);
        float baseline = sheet.y() - LABEL - BODY * 1.6f;
        float x = Sheet.LEFT;
        for (String[] field : fields) {
            String label = field[0] + ": ";
            String value = bold.printable(field[1]);
            float labelWidth = regular.width(label, BODY);
            float valueWidth = Math.min(bold.width(value, BODY), Sheet.WIDTH - labelWidth);
            if (x > Sheet.LEFT && x + labelWidth + valueWidth > Sheet.RIGHT) {
                x = Sheet.LEFT;
                baseline -= BODY * 1.5f;
            }
            sheet.text(label, regular, BODY, Sheet.MUTED, x, baseline);
            List<String> valueLines = sheet.wrap(value, bold, BODY, Sheet.WIDTH - labelWidth);
            for (int i = 0; i < valueLines.size(); i++) {
                if (i > 0) {
                    baseline -= BODY * 1.5f;
                }
                sheet.text(valueLines.get(i), bold, BODY, Sheet.INK, x + labelWidth, baseline);
            }
            x += labelWidth + valueWidth + 22f;
        }
        sheet.moveTo(baseline - 16f);
    }

    private static void allocations(Sheet sheet, ReceiptDocument receipt) throws IOException {
        if (receipt.allocations().isEmpty()) {
            return;
        }
        sheet.ensure(LABEL + 4 * CELL * 2f);
        sheet.text("APPLIED TO INSTALLMENTS", sheet.regular(), LABEL, Sheet.MUTED, Sheet.LEFT, sheet.y() - LABEL);
        sheet.down(LABEL + 6f);
        List<Column<Allocation>> columns = List.of(
                Column.text("Installment", 0f, Allocation::installment),
                Column.text("Due date", 90f, allocation -> date(allocation.dueDate())),
                Column.amount("Amount applied (" + IndianFormat.RUPEE_SIGN + ")", 110f, Allocation::amountApplied));
        table(sheet, columns, receipt.allocations());
        sheet.down(6f);
    }

    private static void pending(Sheet sheet, ReceiptDocument receipt) throws IOException {
        float size = 11f;
        sheet.ensure(size * 2 + 8f);
        sheet.band(Sheet.LEFT, sheet.y(), Sheet.WIDTH, size + 12f, Sheet.BAND);
        sheet.text("Balance pending: " + IndianFormat.rupees(receipt.pendingAfter()), sheet.bold(), size, Sheet.INK,
                Sheet.LEFT + PADDING + 2f, sheet.y() - 6f - size * 0.85f);
        sheet.down(size + 12f);
    }

    /**
     * Draws a table: a shaded header row, then one row per item with text cells wrapped to their column and amounts
     * right-aligned; the header is repeated at the top of a new page.
     */
    private static <T> void table(Sheet sheet, List<Column<T>> columns, List<T> rows) throws IOException {
        float fixed = 0f;
        for (Column<T> column : columns) {
            fixed += column.width();
        }
        float flexible = Sheet.WIDTH - fixed;
        float[] widths = new float[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).width() == 0f ? flexible : columns.get(i).width();
        }
        float leading = CELL * 1.3f;
        tableHeader(sheet, columns, widths, leading, true);
        for (T row : rows) {
            List<List<String>> cells = new ArrayList<>(columns.size());
            int height = 1;
            for (int i = 0; i < columns.size(); i++) {
                Column<T> column = columns.get(i);
                List<String> cell = column.amount()
                        ? List.of(column.value().apply(row))
                        : sheet.wrap(column.value().apply(row), sheet.regular(), CELL, widths[i] - 2 * PADDING);
                cells.add(cell);
                height = Math.max(height, cell.size());
            }
            float rowHeight = height * leading + 2 * PADDING;
            if (sheet.ensure(rowHeight)) {
                tableHeader(sheet, columns, widths, leading, false);
            }
            float x = Sheet.LEFT;
            float top = sheet.y();
            for (int i = 0; i < columns.size(); i++) {
                float baseline = top - PADDING - CELL;
                for (String text : cells.get(i)) {
                    if (columns.get(i).amount()) {
                        sheet.textRight(text, sheet.regular(), CELL, Sheet.INK, x + widths[i] - PADDING, baseline);
                    } else {
                        sheet.text(text, sheet.regular(), CELL, Sheet.INK, x + PADDING, baseline);
                    }
                    baseline -= leading;
                }
                x += widths[i];
            }
            sheet.down(rowHeight);
            sheet.rule(Sheet.LEFT, Sheet.RIGHT, sheet.y(), 0.5f, Sheet.RULE);
        }
        sheet.down(2f);
    }

    private static <T> void tableHeader(Sheet sheet, List<Column<T>> columns, float[] widths, float leading,
            boolean keepWithFirstRow) throws IOException {
        float height = leading + 2 * PADDING;
        if (keepWithFirstRow) {
            sheet.ensure(height + leading * 2 + 2 * PADDING);
        }
        sheet.band(Sheet.LEFT, sheet.y(), Sheet.WIDTH, height, Sheet.BAND);
        float x = Sheet.LEFT;
        float baseline = sheet.y() - PADDING - CELL;
        for (int i = 0; i < columns.size(); i++) {
            Column<T> column = columns.get(i);
            if (column.amount()) {
                sheet.textRight(column.title(), sheet.bold(), CELL, Sheet.INK, x + widths[i] - PADDING, baseline);
            } else {
                sheet.text(column.title(), sheet.bold(), CELL, Sheet.INK, x + PADDING, baseline);
            }
            x += widths[i];
        }
        sheet.down(height);
        sheet.rule(Sheet.LEFT, Sheet.RIGHT, sheet.y(), 0.75f, Sheet.INK);
    }

    /** Writes wrapped text from a baseline and returns the baseline of the line after it. */
    private static float paragraph(Sheet sheet, String text, Face face, float size, Color color, float x,
            float baseline, float width) throws IOException {
        float y = baseline;
        for (String line : sheet.wrap(text, face, size, width)) {
            sheet.text(line, face, size, color, x, y);
            y -= size * 1.35f;
        }
        return y;
    }

    private static String date(LocalDate date) {
        return DATE.format(date);
    }

    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * One column of a table: a width in points (0 takes what the fixed columns leave) and how a row fills it. An
     * amount column is right-aligned and shows a missing amount as a dash.
     */
    private record Column<T>(String title, float width, boolean amount, Function<T, String> value) {

        static <T> Column<T> text(String title, float width, Function<T, String> value) {
            return new Column<>(title, width, false, value);
        }

        static <T> Column<T> amount(String title, float width, Function<T, BigDecimal> value) {
            return new Column<>(title, width, true, row -> {
                BigDecimal amount = value.apply(row);
                return amount == null ? "-" : IndianFormat.format(amount);
            });
        }
    }
}
