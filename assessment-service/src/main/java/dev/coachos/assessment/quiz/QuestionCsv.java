package dev.coachos.assessment.quiz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.coachos.assessment.grading.MultiSelectPolicy;
import dev.coachos.assessment.grading.QuestionType;

/**
 * Questions written as CSV (RFC 4180: commas, double quotes around a field that holds a comma, a
 * quote or a line break, a quote inside doubled), one question per line after a header line:
 * <pre>
 * type,text,points,negative_points,options,correct,explanation,policy
 * MULTIPLE_CHOICE,Unit of force?,4,1,newton|joule|watt,1,,
 * MULTIPLE_SELECT,Vectors?,4,2,velocity|mass|force|time,1|3,,PARTIAL_NO_WRONG
 * TRUE_FALSE,Mass is a vector,1,,,false,,
 * SHORT_ANSWER,Who wrote the Principia?,3,,,new*ton|#9.8~0.05,,
 * </pre>
 * {@code options} are separated by {@code |}; {@code correct} names the right options by number
 * (from 1, separated by {@code |}), {@code true} or {@code false} for TRUE_FALSE, or a short
 * answer's keys separated by {@code |}: a text pattern ({@code *} for any run of characters), or
 * {@code #number} with an optional {@code ~tolerance}. A line that cannot be read becomes an
 * error naming its line number; the rest of a question's rules are checked where questions are
 * added.
 */
public final class QuestionCsv {

    static final List<String> HEADER = List.of("type", "text", "points", "negative_points", "options", "correct",
            "explanation", "policy");

    private QuestionCsv() {
    }

    /** One line of the file: the question it holds, or why it could not be read. */
    public record Line(int number, NewQuestion question, String error) {
    }

    /** Reads the file; the header must be the one above (in that order, any case). */
    public static List<Line> read(String text) {
        List<List<String>> records = records(text);
        List<Line> lines = new ArrayList<>();
        if (records.isEmpty()) {
            lines.add(new Line(1, null, "the file is empty: it needs the header " + String.join(",", HEADER)));
            return lines;
        }
        List<String> header = records.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.equals(HEADER)) {
            lines.add(new Line(1, null, "the header must be " + String.join(",", HEADER)));
            return lines;
        }
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            int number = i + 1;
            if (fields.size() == 1 && fields.getFirst().isBlank()) {
                continue; // an empty line
            }
            try {
                lines.add(new Line(number, question(fields), null));
            } catch (IllegalArgumentException e) {
                lines.add(new Line(number, null, e.getMessage()));
            }
        }
        return lines;
    }

    private static NewQuestion question(List<String> fields) {
        if (fields.size() != HEADER.size()) {
            throw new IllegalArgumentException("has " + fields.size() + " fields, not " + HEADER.size());
        }
        QuestionType type = parseEnum(QuestionType.class, fields.get(0), "type");
        String text = fields.get(1).strip();
        BigDecimal points = decimal(fields.get(2), "points");
        if (points == null) {
            throw new IllegalArgumentException("points is required");
        }
        BigDecimal negative = decimal(fields.get(3), "negative_points");
        List<String> options = split(fields.get(4));
        String correct = fields.get(5).strip();
        String explanation = fields.get(6).isBlank() ? null : fields.get(6).strip();
        MultiSelectPolicy policy = fields.get(7).isBlank() ? null
                : parseEnum(MultiSelectPolicy.class, fields.get(7), "policy");
        return switch (type) {
            case SHORT_ANSWER -> {
                if (!options.isEmpty()) {
                    throw new IllegalArgumentException("a SHORT_ANSWER question has no options");
                }
                yield new NewQuestion(type, text, points, negative, policy, explanation, null, null,
                        split(correct).stream().map(QuestionCsv::key).toList());
            }
            case TRUE_FALSE -> {
                if (!options.isEmpty()) {
                    throw new IllegalArgumentException("a TRUE_FALSE question takes no options, only true or false");
                }
                String answer = correct.toLowerCase(Locale.ROOT);
                if (!answer.equals("true") && !answer.equals("false")) {
                    throw new IllegalArgumentException("correct must be true or false for a TRUE_FALSE question");
                }
                yield new NewQuestion(type, text, points, negative, policy, explanation, null,
                        Boolean.valueOf(answer), null);
            }
            default -> {
                List<Integer> right = new ArrayList<>();
                for (String number : split(correct)) {
                    try {
                        int n = Integer.parseInt(number);
                        if (n < 1 || n > options.size()) {
                            throw new IllegalArgumentException("correct names option " + n + " of " + options.size());
                        }
                        right.add(n);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("correct must be option numbers separated by |, not '"
                                + number + "'");
                    }
                }
                List<NewQuestion.NewOption> choices = new ArrayList<>();
                for (int i = 0; i < options.size(); i++) {
                    choices.add(new NewQuestion.NewOption(options.get(i), right.contains(i + 1)));
                }
                yield new NewQuestion(type, text, points, negative, policy, explanation, choices, null, null);
            }
        };
    }

    private static NewQuestion.NewKey key(String key) {
        if (!key.startsWith("#")) {
            return new NewQuestion.NewKey(key, null, null, null, null);
        }
        String[] parts = key.substring(1).split("~", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("a number key is #number or #number~tolerance, not '" + key + "'");
        }
        return new NewQuestion.NewKey(null, null, decimal(parts[0], "a number key"),
                parts.length == 2 ? decimal(parts[1], "a tolerance") : null, null);
    }

    private static BigDecimal decimal(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, not '" + text.strip() + "'");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + text.strip() + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("\\|", -1)).map(String::strip).toList();
    }

    /** The file's records, each a list of fields, quotes undone. */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return records;
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark from spreadsheets
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < body.length() && body.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
