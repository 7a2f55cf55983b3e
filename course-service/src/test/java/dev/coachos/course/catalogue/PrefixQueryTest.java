package dev.coachos.course.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefixQueryTest {

    /** One or more prefix terms of letters, marks and digits, joined by AND: nothing else. */
    private static final String ONLY_PREFIX_TERMS = "^[\\p{L}\\p{M}\\p{N}]+:\\*( & [\\p{L}\\p{M}\\p{N}]+:\\*)*$";

    @Test
    void everyWordBecomesALowerCasePrefixAndAllMustMatch() {
        assertThat(PrefixQuery.of("jee phys")).isEqualTo("jee:* & phys:*");
        assertThat(PrefixQuery.of("  CALCULUS   Basics ")).isEqualTo("calculus:* & basics:*");
        assertThat(PrefixQuery.of("class 12")).isEqualTo("class:* & 12:*");
    }

    @Test
    void wordsOfOtherScriptsKeepTheirCombiningMarks() {
        assertThat(PrefixQuery.of("गणि")).isEqualTo("गणि:*");
        assertThat(PrefixQuery.of("गणित कक्षा")).isEqualTo("गणित:* & कक्षा:*");
        assertThat(PrefixQuery.of("Café")).isEqualTo("café:*");
    }

    @Test
    void queryOperatorsAndWildcardsTypedByAUserAreDropped() {
        assertThat(PrefixQuery.of("%%%")).isEmpty();
        assertThat(PrefixQuery.of("| ! & ( ) : * ' \\ <-> <>")).isEmpty();
        assertThat(PrefixQuery.of("physics | !(x & 'y':*) <-> z")).isEqualTo("physics:* & x:* & y:* & z:*");
        assertThat(PrefixQuery.of("a'b")).isEqualTo("a:* & b:*");
        for (String hostile : new String[] {"x) | (y", "foo:*A", "\"quoted\" text", "drop;table", "1<->2", "x\\:y"}) {
            assertThat(PrefixQuery.of(hostile)).as(hostile).matches(ONLY_PREFIX_TERMS);
        }
    }

    @Test
    void onlyTheFirstTenWordsCount() {
        String query = PrefixQuery.of("a b c d e f g h i j k l");
        assertThat(query.split(" & ")).hasSize(PrefixQuery.MAX_WORDS).endsWith("j:*");
    }
}
