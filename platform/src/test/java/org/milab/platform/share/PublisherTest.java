package org.milab.platform.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing keeps a repository consistent: signed, versions immutable, never signing over tampering. */
class PublisherTest {

    @TempDir
    Path tmp;

    @Test
    void theIndexListsEveryVersionNewestFirstAndVerifies() {
        LabRepository lab = new LabRepository(tmp);
        lab.publish(lab.jar("p", "1.2.0"));
        lab.publish(lab.jar("p", "1.10.0"));
        lab.publish(lab.jar("q", "0.1.0"));
        RepositoryIndex index = SignedIndex.fetch(lab.source(), lab.installer.keys());
        assertEquals(java.util.List.of("p", "q"), index.plugins().stream().map(RepositoryIndex.IndexedPlugin::id).toList());
        RepositoryIndex.PublishedVersion newest = index.plugin("p").orElseThrow().versions().get(0);
        assertEquals("1.10.0", newest.version());
        assertEquals(Sha256.of(lab.repo.resolve(newest.file())), newest.sha256());
        assertEquals(java.util.List.of("p-ext"), newest.extensions().stream()
                .map(RepositoryIndex.ExtensionSummary::name).toList());
        assertEquals(">=1.0.0 & <2.0.0", newest.requires());
    }

    @Test
    void aPublishedVersionCannotBeReplacedByOtherBytes() {
        LabRepository lab = new LabRepository(tmp);
        lab.publish(lab.jar("p", "1.0.0", ">=1.0.0", "", 100));
        Path other = lab.jar("p", "1.0.0", ">=1.0.0", "", 200);
        ShareException e = assertThrows(ShareException.class, () -> lab.publish(other));
        assertTrue(e.getMessage().contains("plugin p 1.0.0") && e.getMessage().contains("new Plugin-Version"),
                e.getMessage());
    }

    @Test
    void aTamperedIndexIsNotSignedOver() {
        LabRepository lab = new LabRepository(tmp);
        lab.publish(lab.jar("p", "1.0.0"));
        lab.editIndex(json -> json.replace("test plugin p", "trojan"), false);
        ShareException e = assertThrows(ShareException.class, () -> lab.publish(lab.jar("q", "1.0.0")));
        assertTrue(e.getMessage().contains("index.json") && e.getMessage().contains("does not verify"), e.getMessage());
    }
}
