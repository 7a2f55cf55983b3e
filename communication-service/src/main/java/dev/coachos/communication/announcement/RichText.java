package dev.coachos.communication.announcement;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * An announcement's content as the editor sends it (HTML), cleaned on the way in against an
 * allow-list, as course-service cleans its rich text: formatting, headings, lists, tables, links and
 * https images stay; scripts, styles, frames, event handlers and {@code javascript:} or {@code data:}
 * URLs are dropped. What is stored is safe to render as it is.
 */
final class RichText {

    private static final Safelist KEPT = Safelist.relaxed()
            .addTags("s", "mark", "hr")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .removeProtocols("img", "src", "http")
            .addProtocols("img", "src", "https");

    private static final Document.OutputSettings AS_WRITTEN = new Document.OutputSettings().prettyPrint(false);

    private RichText() {
    }

    /** The safe form of the HTML. */
    static String clean(String html) {
        return Jsoup.clean(html, "", KEPT, AS_WRITTEN).strip();
    }

    /** Whether the cleaned HTML shows anything: text, or an image. */
    static boolean showsNothing(String cleaned) {
        Document document = Jsoup.parseBodyFragment(cleaned);
        return document.body().text().isBlank() && document.select("img").isEmpty();
    }
}
