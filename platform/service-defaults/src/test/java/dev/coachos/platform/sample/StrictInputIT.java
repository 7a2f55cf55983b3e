package dev.coachos.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.coachos.platform.web.Dates;
import dev.coachos.platform.web.StrictJson;
import dev.coachos.testing.ApiClient.Response;

/**
 * What a request may hold, in every servlet service: no NUL character anywhere (PostgreSQL cannot
 * store it), JSON values of the declared type only, dates a coaching institute can mean. Each
 * refusal is a 400 problem naming the field, before any controller runs.
 */
class StrictInputIT extends SampleServiceTest {

    /** A JSON string escape for the NUL character, as a client would send it. */
    static final String NUL = "\\u0000";

    Response kinds(String json) {
        return api.post("/api/v1/things/kinds", token, json);
    }

    @Test
    void aNulCharacterInAnyJsonTextIsRefusedNamingItsPath() {
        assertRefused(kinds("{\"text\":\"a" + NUL + "b\"}"), "validation", "text", StrictJson.NUL);
        assertRefused(kinds("{\"tags\":[\"ok\",\"a" + NUL + "\"]}"), "validation", "tags[1]", StrictJson.NUL);
        assertRefused(kinds("{\"labels\":{\"k\":\"v" + NUL + "\"}}"), "validation", "labels.k", StrictJson.NUL);
        assertRefused(kinds("{\"labels\":{\"k" + NUL + "\":\"v\"}}"), "validation", "labels", StrictJson.NUL);
        assertRefused(kinds("{\"part\":{\"title\":\"" + NUL + "\"}}"), "validation", "part.title", StrictJson.NUL);
        assertRefused(kinds("{\"parts\":[{},{\"title\":\"x" + NUL + "\"}]}"), "validation", "parts[1].title",
                StrictJson.NUL);
        assertRefused(kinds("{\"extra\":{\"x\":[1,\"v" + NUL + "\"]}}"), "validation", "extra.x[1]", StrictJson.NUL);
        assertRefused(kinds("{\"meta\":{\"note\":\"v" + NUL + "\"}}"), "validation", "meta.note", StrictJson.NUL);
        assertRefused(api.post("/api/v1/things", token, "{\"name\":\"x" + NUL + "\",\"count\":1}"), "validation",
                "name", StrictJson.NUL);
    }

    @Test
    void credentialsWithANulCharacterAreRefusedBeforeTheyAreChecked() {
        assertThat(api.post("/api/v1/things/sign-in", null, Map.of("email", "ada@example.com", "password", "secret"))
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/things/sign-in", null, Map.of("email", "ada@example.com", "password", "wrong"))
                .status()).isEqualTo(401);
        assertRefused(api.post("/api/v1/things/sign-in", null,
                "{\"email\":\"ada@example.com" + NUL + "\",\"password\":\"secret\"}"), "validation", "email", StrictJson.NUL);
        assertRefused(api.post("/api/v1/things/sign-in", null,
                "{\"email\":\"ada@example.com\",\"password\":\"" + NUL + "\"}"), "validation", "password", StrictJson.NUL);
    }

    @Test
    void aNulCharacterInAQueryParameterIsRefusedNamingTheParameter() {
        assertThat(api.get("/api/v1/things/named/x?q=a%0Ab", token).text("q")).isEqualTo("a\nb");
        assertRefused(api.get("/api/v1/things/named/x?q=a%00b", token), "validation", "q", StrictJson.NUL);
        // Refused even where no controller reads the parameter, and for a public path as well.
        assertRefused(api.get("/api/v1/things/named/x?other=%00", token), "validation", "other", StrictJson.NUL);
        assertRefused(api.post("/api/v1/things/sign-in?next=%00", null, Map.of("email", "a", "password", "b")),
                "validation", "next", StrictJson.NUL);
    }

    @Test
    void aQueryStringThatCannotBeDecodedIsAMalformedRequest() {
        assertProblem(raw("GET", "/api/v1/things/named/x?q=%zz"), 400, "malformed-request");
        assertProblem(raw("GET", "/api/v1/things/named/x?q=%ff"), 400, "malformed-request");
    }

    @Test
    void aValueOfAnotherTypeIsRefusedNotCoerced() {
        // A number, a boolean or a decimal is not text.
        assertRefused(kinds("{\"text\":5}"), "malformed-request", "text", null);
        assertRefused(kinds("{\"text\":true}"), "malformed-request", "text", null);
        assertRefused(kinds("{\"text\":1.5}"), "malformed-request", "text", null);
        // A decimal is not an integer: refused, not truncated.
        assertRefused(kinds("{\"number\":1.5}"), "malformed-request", "number", null);
        assertRefused(kinds("{\"number\":1.0}"), "malformed-request", "number", null);
        assertRefused(kinds("{\"big\":1.5}"), "malformed-request", "big", null);
        assertRefused(kinds("{\"parts\":[{\"rank\":2.5}]}"), "malformed-request", "parts[0].rank", null);
        assertRefused(api.post("/api/v1/things", token, "{\"name\":\"x\",\"count\":1.5}"), "malformed-request",
                "count", null);
        // Text is not a number.
        assertRefused(kinds("{\"number\":\"5\"}"), "malformed-request", "number", null);
        assertRefused(kinds("{\"amount\":\"12.50\"}"), "malformed-request", "amount", null);
        // A number or text is not a boolean.
        assertRefused(kinds("{\"flag\":2}"), "malformed-request", "flag", null);
        assertRefused(kinds("{\"flag\":1}"), "malformed-request", "flag", null);
        assertRefused(kinds("{\"flag\":\"true\"}"), "malformed-request", "flag", null);
        // A number is not an enum constant (nor is another spelling of one).
        assertRefused(kinds("{\"level\":1}"), "malformed-request", "level", null);
        assertRefused(kinds("{\"level\":\"high\"}"), "malformed-request", "level", null);
        // A single value is not a list, a list is not a single value.
        assertRefused(kinds("{\"tags\":\"a\"}"), "malformed-request", "tags", null);
        assertRefused(kinds("{\"number\":[5]}"), "malformed-request", "number", null);
    }

    @Test
    void anEmptyStringIsNotAMissingValue() {
        assertRefused(kinds("{\"number\":\"\"}"), "malformed-request", "number", null);
        assertRefused(kinds("{\"day\":\"\"}"), "malformed-request", "day", null);
        assertRefused(kinds("{\"level\":\"\"}"), "malformed-request", "level", null);
        assertRefused(kinds("{\"part\":\"\"}"), "malformed-request", "part", null);
        assertThat(kinds("{\"text\":\"\"}").text("text")).isEmpty();
    }

    @Test
    void aDateIsIsoTextNeverANumber() {
        assertRefused(kinds("{\"day\":12345}"), "malformed-request", "day", null);
        assertRefused(kinds("{\"day\":[2024,1,2]}"), "malformed-request", "day", null);
        assertRefused(kinds("{\"at\":12345}"), "malformed-request", "at", null);
        assertRefused(kinds("{\"when\":1700000000.5}"), "malformed-request", "when", null);
    }

    @Test
    void aDateOutsideTheYears1900To2200IsRefusedInABody() {
        assertRefused(kinds("{\"day\":\"0001-01-01\"}"), "validation", "day", Dates.OUT_OF_RANGE);
        assertRefused(kinds("{\"day\":\"+999999-01-01\"}"), "validation", "day", Dates.OUT_OF_RANGE);
        assertRefused(kinds("{\"at\":\"1899-12-31T23:59:59Z\"}"), "validation", "at", Dates.OUT_OF_RANGE);
        assertRefused(kinds("{\"when\":\"2201-01-01T06:00:00+05:30\"}"), "validation", "when", Dates.OUT_OF_RANGE);
        assertRefused(kinds("{\"parts\":[{\"due\":\"0001-01-01\"}]}"), "validation", "parts[0].due", Dates.OUT_OF_RANGE);
    }

    @Test
    void aDateOutsideTheYears1900To2200IsRefusedInAQueryParameter() {
        assertRefused(api.get("/api/v1/things/named/x?day=0001-01-01", token), "validation", "day", Dates.OUT_OF_RANGE);
        assertRefused(api.get("/api/v1/things/named/x?day=%2B999999-01-01", token), "validation", "day",
                Dates.OUT_OF_RANGE);
        assertRefused(api.get("/api/v1/things/named/x?at=0001-01-01T00:00:00Z", token), "validation", "at",
                Dates.OUT_OF_RANGE);
        assertRefused(api.get("/api/v1/things/named/x?when=2999-01-01T00:00:00%2B05:30", token), "validation", "when",
                Dates.OUT_OF_RANGE);
        // Only ISO-8601: a local short form is not guessed at.
        assertRefused(api.get("/api/v1/things/named/x?day=1/2/24", token), "validation", "day", "has the wrong format");
    }

    @Test
    void wellTypedValuesAreReadAsBeforeAndUnknownPropertiesAreIgnored() {
        Response read = kinds("""
                {"text": "x", "number": 7, "big": 9000000000, "flag": true, "amount": 12, "ratio": 2,
                 "day": "2024-02-29", "at": "2024-01-02T03:04:05+05:30", "when": "2200-12-31T23:00:00+05:30",
                 "level": "HIGH", "tags": ["a"], "labels": {"k": "v"}, "extra": {"x": [1, "y", null]},
                 "meta": {"n": 1}, "parts": [{"title": "t", "rank": 1, "due": "1900-01-01"}],
                 "notARecordComponent": {"any": "thing"}}
                """);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("amount").decimalValue()).isEqualByComparingTo("12");
        assertThat(read.json().path("big").longValue()).isEqualTo(9_000_000_000L);
        assertThat(read.text("at")).isEqualTo("2024-01-01T21:34:05Z");
        assertThat(read.json().path("parts").get(0).path("due").asString()).isEqualTo("1900-01-01");

        Response query = api.get("/api/v1/things/named/x?day=2024-02-29&at=2024-01-02T00:00:00Z"
                + "&when=2024-01-02T00:00:00%2B05:30", token);
        assertThat(query.status()).as(query.toString()).isEqualTo(200);
        assertThat(query.text("day")).isEqualTo("2024-02-29");
        assertThat(query.text("at")).isEqualTo("2024-01-02T00:00:00Z");
    }
}
