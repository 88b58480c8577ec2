package org.milab.platform.executor;

import java.util.regex.Pattern;
import org.milab.api.ConfigurationException;

/**
 * The master URLs {@code --master} accepts: {@code local}, {@code local[N]}, {@code local[*]} (Spark inside this
 * JVM), {@code spark://HOST:PORT[,HOST:PORT...]} (a standalone cluster), {@code yarn}, {@code k8s://URL}.
 */
public final class MasterUrl {

    /** The default: Spark inside this JVM, one task per core. */
    public static final String DEFAULT = "local[*]";

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://[^:/,]+:[0-9]{1,5}(,[^:/,]+:[0-9]{1,5})*");
    private static final Pattern KUBERNETES = Pattern.compile("k8s://(https?://)?[^/\\s]+(/\\S*)?");

    private MasterUrl() {
    }

    /**
     * {@code url} when it is a master URL.
     *
     * @throws ConfigurationException naming the option and the accepted forms
     */
    public static String check(String url) {
        if (LOCAL.matcher(url).matches() || STANDALONE.matcher(url).matches() || url.equals("yarn")
                || KUBERNETES.matcher(url).matches()) {
            return url;
        }
        throw new ConfigurationException("--master " + url, "not a master URL; expected local[*], local[N], "
                + "spark://HOST:PORT, yarn or k8s://https://HOST:PORT");
    }

    /** Whether {@code url} runs Spark inside this JVM. */
    public static boolean isLocal(String url) {
        return LOCAL.matcher(url).matches();
    }
}
