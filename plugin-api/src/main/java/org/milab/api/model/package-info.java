/** Model factories: DJL blocks built from typed parameters. */
package org.milab.api.model;
