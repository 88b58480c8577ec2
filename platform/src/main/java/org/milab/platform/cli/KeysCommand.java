package org.milab.platform.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.milab.platform.share.KeyRing;
import org.milab.platform.share.Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code milab keys generate|export|trust|list}: Ed25519 signing keys and the keys this lab trusts. */
@Command(name = "keys", description = "Manage signing keys (MILAB_HOME/keys) and trusted keys (MILAB_HOME/trusted-keys).",
        subcommands = {KeysCommand.Generate.class, KeysCommand.Export.class, KeysCommand.Trust.class,
                KeysCommand.ListKeys.class})
final class KeysCommand {

    static KeyRing ring() {
        return new KeyRing(HostOptions.milabHome());
    }

    /** {@code milab keys generate NAME}. */
    @Command(name = "generate", description = "Create an Ed25519 signing key NAME (its public half is trusted here).")
    static final class Generate implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "key name, e.g. your lab's")
        String name;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Keys.SigningKey key = ring().generate(name);
            PrintWriter out = spec.commandLine().getOut();
            out.println("generated key " + name + " (id " + key.publicKey().id() + ") in "
                    + HostOptions.milabHome().resolve("keys"));
            out.println("give other labs its public half: milab keys export " + name + " > " + name + ".pub");
            return ExitCodes.OK;
        }
    }

    /** {@code milab keys export NAME [--out FILE]}. */
    @Command(name = "export", description = "Print (or write) the public half of signing key NAME.")
    static final class Export implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "key name")
        String name;

        @Option(names = "--out", paramLabel = "FILE", description = "write it to FILE instead of standard output")
        Path outFile;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Keys.NamedPublicKey key = ring().ownPublic(name);
            if (outFile == null) {
                spec.commandLine().getOut().print(key.text());
            } else {
                write(key);
                spec.commandLine().getOut().println("wrote the public key " + name + " (id " + key.id() + ") to "
                        + outFile);
            }
            return ExitCodes.OK;
        }

        private void write(Keys.NamedPublicKey key) {
            try {
                java.nio.file.Files.writeString(outFile, key.text());
            } catch (java.io.IOException e) {
                throw new org.milab.api.ConfigurationException("--out " + outFile, "cannot be written: "
                        + e.getMessage());
            }
        }
    }

    /** {@code milab keys trust FILE}. */
    @Command(name = "trust", description = "Trust a public key file (check its id with its owner first).")
    static final class Trust implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "a public key file from 'milab keys export'")
        Path file;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Keys.NamedPublicKey key = ring().trust(file);
            spec.commandLine().getOut().println("trusted key " + key.name() + " (id " + key.id() + ")");
            return ExitCodes.OK;
        }
    }

    /** {@code milab keys list}. */
    @Command(name = "list", description = "List this lab's signing keys and the keys it trusts.")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            TextTable t = new TextTable(List.of("key", "id", "kind"));
            ring().ownKeys().forEach(k -> t.add(List.of(k.name(), k.id(), "signing (yours)")));
            ring().trustedKeys().forEach(k -> t.add(List.of(k.name(), k.id(), "trusted")));
            if (t.isEmpty()) {
                out.println("no keys in " + HostOptions.milabHome() + " (create one with 'milab keys generate NAME')");
            } else {
                out.print(t);
            }
            return ExitCodes.OK;
        }
    }
}
