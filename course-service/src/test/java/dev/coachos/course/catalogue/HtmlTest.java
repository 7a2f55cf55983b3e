package dev.coachos.course.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void editorFormattingStaysAndScriptingGoes() {
        assertThat(Html.clean("<p><strong>Bold</strong> <em>it</em> <s>old</s> <mark>key</mark></p><ul><li>one</li></ul>"))
                .isEqualTo("<p><strong>Bold</strong> <em>it</em> <s>old</s> <mark>key</mark></p><ul><li>one</li></ul>");
        assertThat(Html.clean("<svg onload=alert(1)><p onclick='x()'>hi</p>")).isEqualTo("<p>hi</p>");
        assertThat(Html.clean("<a href='JaVaScRiPt:alert(1)'>x</a>")).isEqualTo("<a rel=\"nofollow noopener noreferrer\">x</a>");
        assertThat(Html.clean("<img src='data:image/svg+xml;base64,PHN2Zz4='>")).isEqualTo("<img>");
        assertThat(Html.clean("<img src='https://cdn.example.in/a.png' alt='a'>"))
                .isEqualTo("<img src=\"https://cdn.example.in/a.png\" alt=\"a\">");
        assertThat(Html.clean(null)).isNull();
    }
}
