/** Training helpers for DJL-based plugins, bundled by each plugin that uses them. */
package org.milab.kit.djl;
