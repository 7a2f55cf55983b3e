package dev.coachos.finance.receipt.pdf;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * A4 pages written top to bottom: a cursor that moves down, text in the two faces, rules and shaded bands, and a new
 * page when the next block would run into the footer. Coordinates are PDF points from the bottom-left corner.
 * Characters the font has no glyph for print as '?' rather than failing the whole receipt.
 */
final class Sheet implements AutoCloseable {

    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN = 42f;
    static final float LEFT = MARGIN;
    static final float RIGHT = SIZE.getWidth() - MARGIN;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = SIZE.getHeight() - MARGIN;
    /** The lowest the body goes: below it sit the footer's rule and text. */
    static final float BOTTOM = MARGIN + 30f;

    static final Color INK = new Color(0x1f, 0x1f, 0x1f);
    static final Color MUTED = new Color(0x5f, 0x63, 0x68);
    static final Color RULE = new Color(0xbd, 0xc1, 0xc6);
    static final Color BAND = new Color(0xee, 0xf0, 0xf2);
    static final Color STAMP = new Color(0xc6, 0x28, 0x28);

    private final PDDocument document;
    private final Face regular;
    private final Face bold;
    private final String continued;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;

    /**
     * Starts the first page.
     *
     * @param continued the line at the top of every page after the first, saying whose continuation it is
     */
    Sheet(PDDocument document, TrueTypeFont regular, TrueTypeFont bold, String continued) throws IOException {
        this.document = document;
        this.continued = continued;
        this.regular = new Face(PDType0Font.load(document, regular, true), regular.getUnicodeCmapLookup());
        this.bold = new Face(PDType0Font.load(document, bold, true), bold.getUnicodeCmapLookup());
        newPage();
    }

    Face regular() {
        return regular;
    }

    Face bold() {
        return bold;
    }

    List<PDPage> pages() {
        return pages;
    }

    /** The cursor: the top of the next block. */
    float y() {
        return y;
    }

    void moveTo(float newY) {
        y = newY;
    }

    void down(float points) {
        y -= points;
    }

    /** Starts a new page when fewer than the given points are left above the footer; true when it did. */
    boolean ensure(float points) throws IOException {
        if (y - points >= BOTTOM) {
            return false;
        }
        newPage();
        return true;
    }

    void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        pages.add(page);
        out = new PDPageContentStream(document, page);
        y = TOP;
        if (pages.size() > 1) {
            float size = 8f;
            write(out, regular.printable(continued), regular, size, MUTED, LEFT, y - size);
            y -= size + 12f;
        }
    }

    /** Writes one line of text with its baseline at the given height. */
    void text(String text, Face face, float size, Color color, float x, float baseline) throws IOException {
        write(out, face.printable(text), face, size, color, x, baseline);
    }

    /** Writes one line of text that ends at the given x. */
    void textRight(String text, Face face, float size, Color color, float right, float baseline) throws IOException {
        String printable = face.printable(text);
        write(out, printable, face, size, color, right - face.width(printable, size), baseline);
    }

    void rule(float fromX, float toX, float atY, float thickness, Color color) throws IOException {
        out.setStrokingColor(color);
        out.setLineWidth(thickness);
        out.moveTo(fromX, atY);
        out.lineTo(toX, atY);
        out.stroke();
    }

    void band(float x, float top, float width, float height, Color color) throws IOException {
        out.setNonStrokingColor(color);
        out.addRect(x, top - height, width, height);
        out.fill();
    }

    /** Writes the page footer, and the stamp when there is one, over every page; call once, after the body. */
    void finish(String footer, String stamp) throws IOException {
        out.close();
        out = null;
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(0.22f);
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream over = new PDPageContentStream(
                    document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                float footerTop = MARGIN + 16f;
                over.setStrokingColor(RULE);
                over.setLineWidth(0.5f);
                over.moveTo(LEFT, footerTop);
                over.lineTo(RIGHT, footerTop);
                over.stroke();
                write(over, regular.printable(footer), regular, 7.5f, MUTED, LEFT, MARGIN + 4f);
                String pageOf = "Page " + (i + 1) + " of " + pages.size();
                write(over, pageOf, regular, 7.5f, MUTED, RIGHT - regular.width(pageOf, 7.5f), MARGIN + 4f);
                if (stamp != null) {
                    over.saveGraphicsState();
                    over.setGraphicsStateParameters(translucent);
                    float size = 72f;
                    float width = bold.width(stamp, size);
                    over.beginText();
                    over.setFont(bold.font(), size);
                    over.setNonStrokingColor(STAMP);
                    Matrix placement = Matrix.getRotateInstance(
                            Math.toRadians(35), SIZE.getWidth() / 2, SIZE.getHeight() / 2);
                    placement.translate(-width / 2, -size / 3);
                    over.setTextMatrix(placement);
                    over.showText(stamp);
                    over.endText();
                    over.restoreGraphicsState();
                }
            }
        }
    }

    /**
     * Breaks text into lines no wider than the width, at spaces where it can and inside a word only when the word
     * alone is too wide.
     */
    List<String> wrap(String text, Face face, float size, float width) throws IOException {
        String printable = face.printable(text);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (face.width(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (face.width(rest, size) > width) {
                int fits = fittingPrefix(rest, face, size, width);
                lines.add(rest.substring(0, fits));
                rest = rest.substring(fits);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static int fittingPrefix(String word, Face face, float size, float width) throws IOException {
        int end = word.offsetByCodePoints(0, 1);
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (face.width(word.substring(0, next), size) > width) {
                break;
            }
            end = next;
        }
        return end;
    }

    private static void write(PDPageContentStream stream, String text, Face face, float size, Color color, float x,
            float baseline) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(face.font(), size);
        stream.setNonStrokingColor(color);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    /** A font embedded in this document, with the lookup that tells which characters it can print. */
    record Face(PDType0Font font, CmapLookup cmap) {

        /** The text with line breaks and tabs as spaces and characters without a glyph as '?'. */
        String printable(String text) {
            StringBuilder printable = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> {
                if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
                    printable.append(' ');
                } else if (cmap.getGlyphId(codePoint) == 0) {
                    printable.append('?');
                } else {
                    printable.appendCodePoint(codePoint);
                }
            });
            return printable.toString();
        }

        /** The width of printable text in points at the given size. */
        float width(String printable, float size) throws IOException {
            return font.getStringWidth(printable) / 1000f * size;
        }
    }
}
