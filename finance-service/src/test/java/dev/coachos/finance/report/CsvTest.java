package dev.coachos.finance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The CSV of the reports: RFC 4180 quoting, two-decimal amounts, and formulas kept from spreadsheets. */
class CsvTest {

    @Test
    void quotesWhatNeedsQuotingAndDoublesQuotes() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("Rent, first floor")).isEqualTo("\"Rent, first floor\"");
        assertThat(Csv.field("Diya \"Dee\"")).isEqualTo("\"Diya \"\"Dee\"\"\"");
        assertThat(Csv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(Csv.field("")).isEmpty();
    }

    @Test
    void writesAHeaderAndLinesEndedByCrlfWithPlainAmounts() {
        Csv.Table table = new Csv.Table("x.csv", List.of("name", "amount", "count"), List.of(
                Csv.line().text("=1+2").amount(new BigDecimal("1E+3")).value(3).cells(),
                Csv.line().text("-Sharma, A").amount(new BigDecimal("-4800.5")).value(null).cells(),
                Csv.line().text(null).amount(null).value("DRAFT").cells()));
        assertThat(Csv.write(table)).isEqualTo("name,amount,count\r\n'=1+2,1000.00,3\r\n\"'-Sharma, A\",-4800.50,\r\n"
                + ",,DRAFT\r\n");
    }
}
