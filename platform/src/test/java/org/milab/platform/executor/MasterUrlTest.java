package org.milab.platform.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.milab.api.ConfigurationException;

/** The master URLs {@code --master} accepts and refuses. */
class MasterUrlTest {

    @Test
    void acceptsSparksMasterForms() {
        for (String url : List.of("local", "local[*]", "local[2]", "local[4,3]", "spark://host:7077",
                "spark://a:7077,b:7077", "yarn", "k8s://https://10.0.0.1:6443")) {
            assertEquals(url, MasterUrl.check(url));
        }
        assertTrue(MasterUrl.isLocal("local[*]"));
        assertFalse(MasterUrl.isLocal("spark://host:7077"));
    }

    @Test
    void refusesAnythingElseNamingTheOptionAndTheForms() {
        for (String url : List.of("local[0]", "local[x]", "spark://host", "spark://:7077", "mesos://h:5050",
                "yarn-client", "k8s://", "")) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> MasterUrl.check(url), url);
            assertTrue(e.getMessage().contains("--master " + url), e.getMessage());
            assertTrue(e.getMessage().contains("spark://HOST:PORT"), e.getMessage());
        }
    }
}
