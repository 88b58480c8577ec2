package org.milab.platform.run;

/**
 * A node output known only by its recorded JSON form (a dataset, samples or a training result read back from a
 * run's journal): enough to write results and summaries, not to feed another node.
 *
 * @param json the output's {@link Json#of(Object)} form
 */
public record RecordedOutput(Object json) {
}
