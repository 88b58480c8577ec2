package org.milab.platform.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import org.milab.api.ExtensionInfo;
import org.milab.api.MilabExtension;
import org.milab.platform.MilabVersion;
import org.junit.jupiter.api.Test;

/** Extensions that ask for nothing are constructed directly; those that ask for injection still get it from Guice. */
class ExtensionFactoryTest {

    /** Asks for nothing. */
    public static class Plain implements MilabExtension {
        @Override
        public ExtensionInfo info() {
            return ExtensionInfo.of("plain", "asks for nothing");
        }
    }

    /** Asks for the host's versions through its constructor. */
    public static class ByConstructor extends Plain {
        final MilabVersion version;

        @Inject
        public ByConstructor(MilabVersion version) {
            this.version = version;
        }
    }

    /** Inherits an injected field. */
    public static class ByInheritedField extends WithField {
    }

    /** Declares an injected field. */
    public static class WithField extends Plain {
        @Inject
        MilabVersion version;
    }

    /** Its constructor fails. */
    public static class Failing extends Plain {
        public Failing() {
            throw new IllegalStateException("no licence");
        }
    }

    @Test
    void onlyClassesThatAskForNothingArePlain() {
        assertTrue(ExtensionFactory.plain(Plain.class));
        assertFalse(ExtensionFactory.plain(ByConstructor.class));
        assertFalse(ExtensionFactory.plain(ByInheritedField.class));
        assertFalse(ExtensionFactory.plain(WithField.class));
    }

    @Test
    void injectedExtensionsStillGetTheHostsBindings() {
        MilabVersion version = new MilabVersion("9.9", "8.8");
        List<MilabExtension> made = new ExtensionFactory(version)
                .create(List.of(Plain.class, ByConstructor.class, ByInheritedField.class));
        assertInstanceOf(Plain.class, made.get(0));
        assertSame(version, ((ByConstructor) made.get(1)).version);
        assertSame(version, ((ByInheritedField) made.get(2)).version);
    }

    @Test
    void aFailingConstructorNamesItsCause() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> new ExtensionFactory(MilabVersion.current()).create(List.of(Failing.class)));
        assertEquals("no licence", PluginStatuses.rootMessage(e));
    }
}
