package dev.coachos.finance.receipt.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The faces a receipt is printed in: DejaVu Sans and DejaVu Sans Bold, which carry the rupee sign (U+20B9). They come
 * from the {@code net.sf.jasperreports:jasperreports-fonts} jar, whose fonts are under the Bitstream Vera licence
 * with DejaVu's changes in the public domain (the licence text sits next to them in the jar).
 *
 * <p>Each file is read from the classpath once. Parsing a face costs about as much as laying out a whole receipt, so
 * parsed fonts are kept and lent to one document at a time: PDFBox's {@link TrueTypeFont} reads its tables lazily
 * and is not safe to share between threads, so a lease is exclusive and a font goes back to the pool when its
 * document has been saved. The pool grows to the number of receipts rendered at once and keeps at most
 * {@link #MAX_IDLE} parsed fonts per face. Salary slips ({@code payroll.pdf}) print in the same faces from the
 * same pool.
 */
public final class ReceiptFonts {

    static final String REGULAR = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    static final String BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

    private static final int MAX_IDLE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private static final ReceiptFonts SHARED = new ReceiptFonts();

    private final Face regular = new Face(REGULAR);
    private final Face bold = new Face(BOLD);

    private ReceiptFonts() {
    }

    /** The faces every {@link ReceiptPdf} shares. */
    public static ReceiptFonts shared() {
        return SHARED;
    }

    /** Lends one parsed regular face and one bold face to a single document; close the lease when it is saved. */
    public Lease lease() throws IOException {
        TrueTypeFont borrowedRegular = regular.borrow();
        try {
            return new Lease(borrowedRegular, bold.borrow());
        } catch (IOException | RuntimeException e) {
            regular.giveBack(borrowedRegular);
            throw e;
        }
    }

    /** The two faces lent to one document. */
    public final class Lease implements AutoCloseable {

        private final TrueTypeFont regularFont;
        private final TrueTypeFont boldFont;

        private Lease(TrueTypeFont regularFont, TrueTypeFont boldFont) {
            this.regularFont = regularFont;
            this.boldFont = boldFont;
        }

        public TrueTypeFont regular() {
            return regularFont;
        }

        public TrueTypeFont bold() {
            return boldFont;
        }

        @Override
        public void close() {
            regular.giveBack(regularFont);
            bold.giveBack(boldFont);
        }
    }

    /** One font file: its bytes, read once, and the parsed copies not lent out. */
    private static final class Face {

        private final byte[] bytes;
        private final BlockingQueue<TrueTypeFont> idle = new ArrayBlockingQueue<>(MAX_IDLE);

        Face(String resource) {
            this.bytes = read(resource);
        }

        TrueTypeFont borrow() throws IOException {
            TrueTypeFont font = idle.poll();
            // The buffer wraps the shared bytes without copying them; nothing writes to it.
            return font != null ? font : new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        }

        void giveBack(TrueTypeFont font) {
            if (!idle.offer(font)) {
                try {
                    font.close();
                } catch (IOException e) {
                    // An in-memory font holds nothing to release; a failure to close changes nothing.
                }
            }
        }

        private static byte[] read(String resource) {
            try (InputStream in = ReceiptFonts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("font " + resource
                            + " is not on the classpath; finance-service depends on net.sf.jasperreports:"
                            + "jasperreports-fonts for it");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + resource, e);
            }
        }
    }
}
