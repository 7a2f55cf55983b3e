package dev.coachos.course.catalogue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Rich text from the editors (Tiptap HTML) is cleaned on the way in, against an allow-list:
 * formatting, lists, tables, links and images stay; scripts, styles, event handlers, frames and
 * {@code javascript:} or {@code data:} URLs go. What is stored is safe to render as it is.
 */
public final class Html {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .addTags("s", "mark", "hr", "figure", "figcaption")
            .addAttributes("code", "class")
            .addAttributes("pre", "class")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .removeProtocols("img", "src", "http")
            .addProtocols("img", "src", "https");

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private Html() {
    }

    /** The safe form of an editor's HTML; null stays null. */
    public static String clean(String html) {
        if (html == null) {
            return null;
        }
        return Jsoup.clean(html, "", ALLOWED, COMPACT);
    }
}
