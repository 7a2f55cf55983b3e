package dev.coachos.finance.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A report as CSV (RFC 4180): a header row, then one line per row, lines ended by CRLF; a field with a
 * comma, a double quote, a CR or LF is quoted and its quotes doubled. Amounts are plain numbers with two
 * decimals. A text field that a spreadsheet would take for a formula (starting with =, +, -, @, a tab or
 * a CR) is written with a leading apostrophe, so opening the file runs nothing.
 */
final class Csv {

    private Csv() {
    }

    /** The rows of a report with the file name it is offered under. */
    record Table(String filename, List<String> header, List<List<String>> rows) {

        Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    /** Builds one line of a table, cell by cell. */
    static final class Line {

        private final List<String> cells = new ArrayList<>();

        /** A text typed by someone (a name, a title, a reference): guarded against formulas. */
        Line text(String value) {
            cells.add(value == null ? "" : guard(value));
            return this;
        }

        /** A value the system made (an id, a date, a status, a count). */
        Line value(Object value) {
            cells.add(value == null ? "" : value.toString());
            return this;
        }

        /** An amount as a plain number with two decimals. */
        Line amount(BigDecimal value) {
            cells.add(value == null ? "" : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
            return this;
        }

        List<String> cells() {
            return List.copyOf(cells);
        }
    }

    static Line line() {
        return new Line();
    }

    static String write(Table table) {
        StringBuilder out = new StringBuilder();
        append(out, table.header());
        table.rows().forEach(row -> append(out, row));
        return out.toString();
    }

    private static void append(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(Objects.requireNonNullElse(cells.get(i), "")));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String guard(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
