package org.milab.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A machine-readable reference for the method an extension implements. The host lists the citations of every
 * extension a run used ("cite these") and shows them in {@code milab plugins describe}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Citations.class)
public @interface Citation {

    /** Authors as printed, e.g. {@code "Kraskov, A., Stögbauer, H., Grassberger, P."}. */
    String authors();

    /** Year of publication. */
    int year();

    /** Title of the work. */
    String title();

    /** Journal, conference or publisher; empty when unknown. */
    String venue() default "";

    /** DOI without the resolver prefix, e.g. {@code 10.1103/PhysRevE.69.066138}; empty when none. */
    String doi() default "";

    /**
     * arXiv identifier without a prefix, e.g. {@code 1905.06922}; empty when none. A work can have both a DOI
     * and an arXiv id.
     *
     * @since 1.1.0
     */
    String arxiv() default "";
}
