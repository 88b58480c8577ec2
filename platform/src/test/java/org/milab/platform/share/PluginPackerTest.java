package org.milab.platform.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packing is reproducible: the same plugin, packed twice or rebuilt with other timestamps and order, has one hash. */
class PluginPackerTest {

    @TempDir
    Path tmp;

    /** A plugin jar whose entries carry {@code time} and come in the given order, with a machine-specific manifest. */
    private Path build(String name, long time, boolean reversed, String builtBy) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", "p");
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Requires", ">=1.0.0");
        a.putValue("Built-By", builtBy);
        List<String> names = new ArrayList<>(List.of("a/A.class", "b/B.class", "META-INF/extensions.idx"));
        if (reversed) {
            Collections.reverse(names);
        }
        Path jar = tmp.resolve(name);
        try (OutputStream raw = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(raw, mf)) {
            for (String n : names) {
                ZipEntry e = new ZipEntry(n);
                e.setTime(time);
                out.putNextEntry(e);
                out.write(n.getBytes());
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void packingTwiceGivesTheSameSha256() throws IOException {
        Path jar = build("p.jar", 1_000_000_000_000L, false, "alice");
        PluginPacker.Packed a = PluginPacker.pack(jar, tmp.resolve("a"));
        PluginPacker.Packed b = PluginPacker.pack(jar, tmp.resolve("b"));
        assertEquals(a.sha256(), b.sha256());
        assertEquals(a.sha256(), Sha256.of(b.archive()));
        assertEquals("p-1.0.0.jar", a.archive().getFileName().toString());
    }

    @Test
    void aRebuildWithOtherTimestampsOrderAndUserPacksIdentically() throws IOException {
        Path first = build("first.jar", 1_000_000_000_000L, false, "alice");
        Path second = build("second.jar", 1_700_000_000_000L, true, "bob");
        assertNotEquals(Sha256.of(first), Sha256.of(second), "the raw builds differ");
        assertEquals(PluginPacker.pack(first, tmp.resolve("a")).sha256(),
                PluginPacker.pack(second, tmp.resolve("b")).sha256());
    }

    @Test
    void entriesAreSortedWithOneTimestampAndNoMachineAttributes() throws IOException {
        Path packed = PluginPacker.pack(build("p.jar", 1_000_000_000_000L, true, "alice"), tmp.resolve("a")).archive();
        try (ZipFile zip = new ZipFile(packed.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertEquals(List.of("META-INF/MANIFEST.MF", "META-INF/extensions.idx", "a/A.class", "b/B.class"), names);
            FileTime t = zip.getEntry("a/A.class").getLastModifiedTime();
            assertTrue(zip.stream().allMatch(e -> e.getLastModifiedTime().equals(t)));
            String manifest = new String(zip.getInputStream(zip.getEntry("META-INF/MANIFEST.MF")).readAllBytes());
            assertTrue(manifest.contains("Plugin-Id: p") && !manifest.contains("alice"), manifest);
        }
    }

    @Test
    void aMavenProjectWithLibrariesBecomesAPluginZip() throws IOException {
        Path project = tmp.resolve("proj");
        Files.createDirectories(project.resolve("target/lib"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.copy(build("p.jar", 0, false, "x"), project.resolve("target/p-1.0.0.jar"));
        Files.write(project.resolve("target/p-1.0.0-tests.jar"), new byte[] {1});
        Path lib = tmp.resolve("lib.jar");
        LabRepository.zip(lib, List.<String[]>of(new String[] {"x/Lib.class", "lib"}));
        Files.copy(lib, project.resolve("target/lib/lib.jar"));
        PluginPacker.Packed z = PluginPacker.pack(project, tmp.resolve("out"));
        assertEquals("p-1.0.0.zip", z.archive().getFileName().toString());
        try (ZipFile zip = new ZipFile(z.archive().toFile())) {
            assertEquals(List.of("lib/lib.jar", "lib/p-1.0.0.jar", "plugin.properties"),
                    zip.stream().map(ZipEntry::getName).toList());
        }
        assertEquals("p", PluginMetadata.read(z.archive()).id());
        assertEquals(z.sha256(), PluginPacker.pack(project, tmp.resolve("again")).sha256());
    }

    @Test
    void aProjectThatWasNotBuiltIsAOneLineError() throws IOException {
        Files.createDirectories(tmp.resolve("proj"));
        Files.writeString(tmp.resolve("proj/pom.xml"), "<project/>");
        ShareException e = assertThrows(ShareException.class, () -> PluginPacker.pack(tmp.resolve("proj"), tmp));
        assertTrue(e.getMessage().contains("target") && e.getMessage().contains("mvn package"), e.getMessage());
    }
}
