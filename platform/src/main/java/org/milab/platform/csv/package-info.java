/**
 * Reading numeric CSV files without a {@code String} or a boxed {@code Double} per cell: a byte-level record
 * reader ({@link org.milab.platform.csv.CsvReader}) whose cells are parsed from their bytes by fastdoubleparser, which
 * gives exactly what {@link java.lang.Double#parseDouble} gives.
 */
package org.milab.platform.csv;
