/**
 * The run store: an index of run folders in SQLite, for listing, filtering, comparing and exporting runs.
 *
 * <h2>Public API (for the CLI, the Spark executor and the report/UI)</h2>
 * <pre>{@code
 * try (RunStore store = RunStore.open("jdbc:sqlite:/home/me/.milab/runs.db")) {   // or a plain file path
 *     StoredRun run = store.index(runFolder);            // (re)index one run folder; idempotent
 *     List<StoredRun> runs = store.list(RunFilter.all().experiment("staircase").where("data.n", "1000"));
 *     Optional<RunDetails> details = store.get(run.id()); // points, nodes, parameters, estimates with truth
 *     List<RunDetails.Metric> curve = store.metrics(run.id());
 *     store.delete(run.id());                            // forgets the run; never touches its folder
 * }
 * }</pre>
 *
 * <h2>Design</h2>
 * <ul>
 *   <li>Run folders stay the source of truth for files: a run is always indexed <em>from</em> its folder
 *       ({@code graph.yaml}, {@code provenance.json}, {@code results.json} or, for a run killed midway, its
 *       {@code journal/} of finished points, every {@code metrics.csv} and every file under {@code artifacts/}).
 *       The store can therefore be deleted and rebuilt with {@code milab runs import DIR} at any time.</li>
 *   <li>Tables: {@code runs}, {@code points} (status and error of each sweep point), {@code sweep_values},
 *       {@code nodes} (extension, seed, seconds, cached), {@code parameters}, {@code estimates} (with truth),
 *       {@code metrics} (series), {@code artifacts}, {@code plugins} (id, version, SHA-256), and
 *       {@code schema_version} (ordered migrations, see {@link Schema}).</li>
 *   <li>Concurrency: WAL journal, a busy timeout, and every write is one {@code BEGIN IMMEDIATE} transaction
 *       retried with back-off while another writer holds the lock, so concurrent {@code milab run}s or a
 *       parallel sweep never fail with "database is locked" and never lose a row. A lock held longer than the
 *       store's lock timeout, a corrupt file, or a store of a newer schema version is a {@link StoreException}
 *       naming the file, and the store file is left untouched.</li>
 * </ul>
 */
package org.milab.platform.store;
