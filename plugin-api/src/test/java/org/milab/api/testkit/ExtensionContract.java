package org.milab.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;
import org.milab.api.param.Parameter;

/**
 * Contract every extension passes; an extension's test class implements it and supplies {@link #extension()}.
 * Outside labs use it through the {@code plugin-api} test-jar.
 */
public interface ExtensionContract {

    /** A DOI without resolver prefix. */
    Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");

    /** A new-style ({@code 1905.06922v2}) or old-style ({@code math/0601001}) arXiv identifier. */
    Pattern ARXIV = Pattern.compile("(\\d{4}\\.\\d{4,5}|[a-z-]+(\\.[A-Z]{2})?/\\d{7})(v\\d+)?");

    /** The extension under test. */
    MilabExtension extension();

    /** The extension describes itself, with a description for every parameter and a default where promised. */
    @Test
    default void describesItself() {
        MilabExtension e = extension();
        assertNotNull(e.info());
        assertFalse(e.info().summary().isBlank(), "summary");
        for (Parameter<?> p : e.info().parameters()) {
            assertFalse(p.description().isBlank(), "description of " + p.name());
        }
        assertEquals(e.info(), extension().info(), "info() is stable");
    }

    /**
     * The extension has at least one citation, and every citation names authors and a title; a DOI is a DOI ({@code 10.<registrant>/<suffix>}, no resolver
     * prefix) and an arXiv id is an arXiv id ({@code 1905.06922} or {@code math/0601001}, no {@code arXiv:} prefix).
     */
    @Test
    default void citationsAreComplete() {
        assertFalse(extension().citations().isEmpty(), extension().info().name()
                + " has no @Citation: cite the method it implements (or the format or source it reads)");
        extension().citations().forEach(c -> {
            assertFalse(c.authors().isBlank(), "citation authors");
            assertFalse(c.title().isBlank(), "citation title");
            assertTrue(c.doi().isEmpty() || DOI.matcher(c.doi()).matches(),
                    "doi '" + c.doi() + "' of '" + c.title() + "' is not a DOI (arXiv ids go in arxiv)");
            assertTrue(c.arxiv().isEmpty() || ARXIV.matcher(c.arxiv()).matches(),
                    "arxiv '" + c.arxiv() + "' of '" + c.title() + "' is not an arXiv id such as 1905.06922");
        });
    }
}
