package org.milab.platform.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ed25519 keys, their files, the key ring, and detached signatures. */
class KeysTest {

    @TempDir
    Path tmp;

    @Test
    void aGeneratedKeyIsReadBackAndSignsVerifiably() throws Exception {
        KeyRing ring = new KeyRing(tmp);
        Keys.SigningKey key = ring.generate("lab-a");
        Keys.SigningKey read = ring.signingKey("lab-a");
        assertEquals(key.publicKey().id(), read.publicKey().id());
        byte[] content = "plugin bytes".getBytes();
        DetachedSignature sig = DetachedSignature.parse(DetachedSignature.sign(read, content).text(), "x.sig");
        assertEquals("lab-a", sig.verify(content, ring, "x").name(), "own keys are trusted");
        byte[] changed = "plugin bytez".getBytes();
        ShareException e = assertThrows(ShareException.class, () -> sig.verify(changed, ring, "x"));
        assertTrue(e.getMessage().startsWith("x: the signature does not verify"), e.getMessage());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tmp.resolve("keys/lab-a.key"))));
    }

    @Test
    void anExportedKeyIsTrustedByAnotherHome() {
        Keys.SigningKey key = new KeyRing(tmp.resolve("a")).generate("lab-a");
        KeyRing other = new KeyRing(tmp.resolve("b"));
        byte[] content = {1, 2, 3};
        DetachedSignature sig = DetachedSignature.sign(key, content);
        assertThrows(ShareException.class, () -> sig.verify(content, other, "x"));
        other.trust(Keys.parsePublic(new KeyRing(tmp.resolve("a")).ownPublic("lab-a").text(), "lab-a.pub"));
        assertEquals(key.publicKey().id(), sig.verify(content, other, "x").id());
        assertEquals(1, other.trustedKeys().size());
    }

    @Test
    void badKeyFilesAndNamesAreOneLineErrors() throws Exception {
        Files.writeString(tmp.resolve("bad.pub"), "hello\n");
        ShareException e = assertThrows(ShareException.class, () -> new KeyRing(tmp).trust(tmp.resolve("bad.pub")));
        assertTrue(e.getMessage().contains("bad.pub") && e.getMessage().contains("milab-ed25519-public"), e.getMessage());
        assertThrows(ShareException.class, () -> new KeyRing(tmp).generate("../evil"));
        assertThrows(ShareException.class, () -> new KeyRing(tmp).signingKey("nobody"));
        new KeyRing(tmp).generate("k");
        assertThrows(ShareException.class, () -> new KeyRing(tmp).generate("k"), "never overwrites a key");
    }
}
