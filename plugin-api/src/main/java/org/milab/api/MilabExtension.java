package org.milab.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * The common contract of every milab extension: it describes itself (name, summary, typed parameters) and
 * carries its references as {@link Citation} annotations.
 *
 * <p>Implementations must be stateless and immutable; everything a call needs arrives through its arguments and
 * the {@link RunContext}.
 */
public interface MilabExtension extends ExtensionPoint {

    /** The extension's stable name, one-line summary and parameter declarations. */
    ExtensionInfo info();

    /** The references this extension implements, read from its {@link Citation} annotations. */
    default List<Citation> citations() {
        return List.of(getClass().getAnnotationsByType(Citation.class));
    }
}
