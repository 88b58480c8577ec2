/**
 * Typed parameter declarations. One {@link org.milab.api.param.Parameter} declaration per parameter drives YAML
 * validation, the CLI's {@code --set}, {@code milab plugins describe}, the JSON schema and run provenance.
 */
package org.milab.api.param;
