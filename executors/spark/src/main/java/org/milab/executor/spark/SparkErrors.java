package org.milab.executor.spark;

/** The first line of a Spark job failure's cause, without Spark's stage and task bookkeeping. */
final class SparkErrors {

    private SparkErrors() {
    }

    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
