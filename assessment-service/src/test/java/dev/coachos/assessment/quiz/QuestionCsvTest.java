package dev.coachos.assessment.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.coachos.assessment.grading.MultiSelectPolicy;
import dev.coachos.assessment.grading.QuestionType;

class QuestionCsvTest {

    private static final String HEADER = "type,text,points,negative_points,options,correct,explanation,policy\n";

    @Test
    void eachTypeIsReadWithItsOptionsAndKeys() {
        List<QuestionCsv.Line> lines = QuestionCsv.read(HEADER
                + "MULTIPLE_CHOICE,Unit of force?,4,1,newton|joule|watt,1,,\n"
                + "multiple_select,Vectors?,4,2,velocity|mass|force|time,1|3,Direction matters,PARTIAL_NO_WRONG\n"
                + "TRUE_FALSE,Mass is a vector,1,,,false,,\n"
                + "SHORT_ANSWER,Who wrote the Principia?,3,,,new*ton|#9.8~0.05|#42,,\n");
        assertThat(lines).extracting(QuestionCsv.Line::error).containsOnlyNulls();
        assertThat(lines).extracting(QuestionCsv.Line::number).containsExactly(2, 3, 4, 5);
        NewQuestion choice = lines.get(0).question();
        assertThat(choice.type()).isEqualTo(QuestionType.MULTIPLE_CHOICE);
        assertThat(choice.points()).isEqualByComparingTo("4");
        assertThat(choice.negativePoints()).isEqualByComparingTo("1");
        assertThat(choice.options()).extracting(NewQuestion.NewOption::text).containsExactly("newton", "joule", "watt");
        assertThat(choice.options()).extracting(NewQuestion.NewOption::correct).containsExactly(true, false, false);
        NewQuestion select = lines.get(1).question();
        assertThat(select.multiSelectPolicy()).isEqualTo(MultiSelectPolicy.PARTIAL_NO_WRONG);
        assertThat(select.options()).extracting(NewQuestion.NewOption::correct).containsExactly(true, false, true, false);
        assertThat(select.explanation()).isEqualTo("Direction matters");
        assertThat(lines.get(2).question().answer()).isFalse();
        assertThat(lines.get(2).question().negativePoints()).isNull();
        List<NewQuestion.NewKey> keys = lines.get(3).question().shortKeys();
        assertThat(keys.get(0).pattern()).isEqualTo("new*ton");
        assertThat(keys.get(1).number()).isEqualByComparingTo("9.8");
        assertThat(keys.get(1).tolerance()).isEqualByComparingTo(new BigDecimal("0.05"));
        assertThat(keys.get(2).number()).isEqualByComparingTo("42");
        assertThat(keys.get(2).tolerance()).isNull();
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndLinesKeepTheirNumbers() {
        List<QuestionCsv.Line> lines = QuestionCsv.read("\uFEFF" + HEADER.replace("\n", "\r\n")
                + "MULTIPLE_CHOICE,\"F = m·a, where \"\"a\"\" is?\",4,0,\"acceleration|speed, really\",1,,\r\n"
                + "\r\n"
                + "TRUE_FALSE,\"Two\nlines\",1,,,true,,\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).question().text()).isEqualTo("F = m·a, where \"a\" is?");
        assertThat(lines.get(0).question().options().get(1).text()).isEqualTo("speed, really");
        assertThat(lines.get(1).number()).isEqualTo(4);
        assertThat(lines.get(1).question().text()).isEqualTo("Two\nlines");
    }

    @Test
    void aLineThatCannotBeReadSaysWhyByItsNumber() {
        List<QuestionCsv.Line> lines = QuestionCsv.read(HEADER
                + "ESSAY,Write,4,,,,,\n"
                + "MULTIPLE_CHOICE,Q,four,,a|b,1,,\n"
                + "MULTIPLE_CHOICE,Q,4,,a|b,3,,\n"
                + "TRUE_FALSE,Q,1,,,maybe,,\n"
                + "SHORT_ANSWER,Q,1,,,#x,,\n"
                + "MULTIPLE_CHOICE,too few fields\n"
                + "MULTIPLE_CHOICE,Q,,,a|b,1,,\n");
        assertThat(lines).extracting(QuestionCsv.Line::number).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(lines).extracting(QuestionCsv.Line::question).containsOnlyNulls();
        assertThat(lines.get(0).error()).contains("type 'ESSAY'");
        assertThat(lines.get(1).error()).contains("points must be a number");
        assertThat(lines.get(2).error()).contains("option 3 of 2");
        assertThat(lines.get(3).error()).contains("true or false");
        assertThat(lines.get(4).error()).contains("a number key must be a number");
        assertThat(lines.get(5).error()).contains("2 fields");
        assertThat(lines.get(6).error()).contains("points is required");
        assertThat(QuestionCsv.read("type,text\n").getFirst().error()).contains("header must be");
        assertThat(QuestionCsv.read("").getFirst().error()).contains("empty");
    }
}
