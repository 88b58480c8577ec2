/**
 * Reading numeric CSV files without a {@code String} or a boxed {@code Double} per cell: a byte-level record
 * reader ({@link org.milab.platform.csv.CsvReader}) and a decimal parser that gives exactly what
 * {@link java.lang.Double#parseDouble} gives ({@link org.milab.platform.csv.DecimalParser}).
 */
package org.milab.platform.csv;
