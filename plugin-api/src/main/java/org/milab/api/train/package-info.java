/** Training strategies and knowledge-distillation losses. */
package org.milab.api.train;
