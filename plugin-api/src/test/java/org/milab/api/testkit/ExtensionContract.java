package org.milab.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;
import org.milab.api.param.Parameter;

/**
 * Contract every extension passes; an extension's test class implements it and supplies {@link #extension()}.
 * Outside labs use it through the {@code plugin-api} test-jar.
 */
public interface ExtensionContract {

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

    /** Instances are stateless: two instances describe themselves identically. */
    @Test
    default void citationsAreComplete() {
        extension().citations().forEach(c -> {
            assertFalse(c.authors().isBlank(), "citation authors");
            assertFalse(c.title().isBlank(), "citation title");
        });
    }
}
