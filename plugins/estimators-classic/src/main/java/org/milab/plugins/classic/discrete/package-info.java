/**
 * Plug-in estimators on discrete symbols: rows taken as they are ({@code discrete}) or after binning each column
 * ({@code binned}), with an optional Miller–Madow bias correction, on a shared counting kernel ({@code PlugIn}).
 */
package org.milab.plugins.classic.discrete;
