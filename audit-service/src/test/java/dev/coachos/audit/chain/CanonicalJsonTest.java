package dev.coachos.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryDepthAndDropsWhitespace() {
        assertThat(CanonicalJson.write(CanonicalJson.read("""
                { "b" : [ 2, {"z": true, "a": null} ],
                  "a" : "x" }""")))
                .isEqualTo("{\"a\":\"x\",\"b\":[2,{\"a\":null,\"z\":true}]}");
    }

    @Test
    void keepsNumbersExactAndWritesThemWithoutExponent() {
        assertThat(CanonicalJson.write(CanonicalJson.read("[18500.00, 1e2, 1.5E-3, 12345678901234567890123, -0.10]")))
                .isEqualTo("[18500.00,100,0.0015,12345678901234567890123,-0.10]");
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertThat(CanonicalJson.write("a\"b\\c\nd\u0001é€"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\u0001é€\"");
        assertThat(CanonicalJson.write(CanonicalJson.read("\"\\u00e9\\t\""))).isEqualTo("\"é\\t\"");
    }

    @Test
    void plainValuesAndTreesOfTheSameJsonGiveTheSameText() {
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("z", List.of("a", "b"));
        plain.put("seq", 7L);
        plain.put("payload", CanonicalJson.read("{\"y\":1,\"x\":\"2\"}"));
        assertThat(CanonicalJson.write(plain)).isEqualTo("{\"payload\":{\"x\":\"2\",\"y\":1},\"seq\":7,\"z\":[\"a\",\"b\"]}");
        assertThat(ChainHash.ofValue(plain)).isEqualTo(ChainHash.of(CanonicalJson.write(CanonicalJson.read(
                "{\"z\":[\"a\",\"b\"],\"seq\":7,\"payload\":{\"x\":\"2\",\"y\":1}}"))));
    }

    @Test
    void hashesAreSha256InLowerCaseHex() {
        assertThat(ChainHash.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ChainHash.GENESIS).hasSize(64).matches("0+");
    }
}
