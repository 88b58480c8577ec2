/** Analyses: consume results and produce tables, figures and verdicts. */
package org.milab.api.analysis;
