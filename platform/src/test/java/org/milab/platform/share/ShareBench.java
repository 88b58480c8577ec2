package org.milab.platform.share;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.milab.platform.MilabVersion;
import org.milab.platform.testing.PluginJarBuilder;

/**
 * Times pack, publish and install of a plugin with a 5 MiB incompressible resource, in one JVM (so without the
 * launcher's start-up), repeated; prints the minimum and median of each. Not a test: run it by hand, e.g.
 * {@code java -cp "platform/target/milab/lib/*:platform/target/test-classes" org.milab.platform.share.ShareBench 7}.
 */
public final class ShareBench {

    private ShareBench() {
    }

    /** {@code args[0]}: repetitions (default 7). */
    public static void main(String[] args) throws IOException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path tmp = Files.createTempDirectory("milab-share-bench");
        Scaffold.create("big-data", PluginKind.DATASET, tmp.resolve("big-data"));
        Path jar = PluginJarBuilder.fromSources(tmp.resolve("big-data/src/main/java")).id("big-data")
                .buildInto(tmp.resolve("build"));
        byte[] payload = new byte[5 << 20];
        new SplittableRandom(1).nextBytes(payload);
        DeterministicZip z = DeterministicZip.of(Files.readAllBytes(jar)).put("payload.bin", payload);
        Files.write(jar, z.toBytes());
        double[][] t = new double[3][reps];
        for (int i = 0; i < reps; i++) {
            Path round = tmp.resolve("round-" + i);
            ShareHome a = new ShareHome(round.resolve("lab-a"));
            ShareHome b = new ShareHome(round.resolve("lab-b"));
            Keys.SigningKey key = a.keys().generate("lab-a");
            b.keys().trust(key.publicKey());
            long t0 = System.nanoTime();
            PluginPacker.Packed packed = PluginPacker.pack(jar, round);
            long t1 = System.nanoTime();
            new Publisher(a.keys(), new HostExtensionDescriber(List.of())).publish(packed.archive(),
                    round.resolve("repo"), key);
            long t2 = System.nanoTime();
            new Installer(b, List.of(), MilabVersion.current().pluginApi())
                    .install(new RepositorySource.Folder(round.resolve("repo")), "big-data", Optional.empty());
            long t3 = System.nanoTime();
            t[0][i] = (t1 - t0) / 1e9;
            t[1][i] = (t2 - t1) / 1e9;
            t[2][i] = (t3 - t2) / 1e9;
            if (i == 0) {
                System.out.printf(Locale.ROOT, "archive: %d bytes, sha256 %s%n", packed.size(), packed.sha256());
            }
        }
        String[] names = {"pack", "publish", "install"};
        for (int k = 0; k < 3; k++) {
            double[] s = t[k].clone();
            Arrays.sort(s);
            System.out.printf(Locale.ROOT, "%-8s min %.3f s  median %.3f s  (%d runs)%n", names[k], s[0], s[reps / 2],
                    reps);
        }
        AtomicFiles.deleteTree(tmp);
    }
}
