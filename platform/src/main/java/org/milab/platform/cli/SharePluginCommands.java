package org.milab.platform.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.milab.api.ConfigurationException;
import org.milab.platform.MilabVersion;
import org.milab.platform.share.HostExtensionDescriber;
import org.milab.platform.share.InstallRecord;
import org.milab.platform.share.Installer;
import org.milab.platform.share.Keys;
import org.milab.platform.share.PluginPacker;
import org.milab.platform.share.Publisher;
import org.milab.platform.share.RepositoryIndex;
import org.milab.platform.share.RepositorySource;
import org.milab.platform.share.Resolver;
import org.milab.platform.share.ShareHome;
import org.milab.platform.share.SignedIndex;
import org.milab.platform.share.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code milab plugins pack|publish|search|install|update|remove|verify}: sharing plugins through lab repositories. */
final class SharePluginCommands {

    private SharePluginCommands() {
    }

    static ShareHome home() {
        return new ShareHome(HostOptions.milabHome());
    }

    static Installer installer(HostOptions host) {
        return new Installer(home(), host.pluginFolders(), MilabVersion.current().pluginApi());
    }

    /**
     * Reads a run folder for {@code milab run RUN_FOLDER}; with {@code --install-missing}, first installs the
     * recorded versions of the plugins it used that are missing or differ.
     */
    static org.milab.platform.run.RecordedRun readRun(Path folder, boolean installMissing, HostOptions host,
                                                      RepositoryOption repository, PrintWriter err) {
        org.milab.platform.run.RecordedRun run = org.milab.platform.run.RecordedRun.read(folder);
        if (installMissing) {
            installMissing(run, host, repository, err);
        }
        return run;
    }

    private static void installMissing(org.milab.platform.run.RecordedRun run, HostOptions host,
                                       RepositoryOption repository, PrintWriter err) {
        RepositorySource source = repository.source();
        var outcomes = org.milab.platform.share.RecordedPlugins.of(run.provenance())
                .installMissing(installer(host), host.pluginFolders(), source, home().keys());
        if (outcomes.isEmpty()) {
            err.println("milab: every plugin the run used is installed with its recorded hash; nothing to install");
        }
        report(err, outcomes, source);
    }

    /** {@code ID[@VERSION]}. */
    record Request(String id, Optional<String> version) {
        static Request parse(String text) {
            int at = text.indexOf('@');
            if (at == 0 || at == text.length() - 1) {
                throw new ConfigurationException("'" + text + "'", "expected ID or ID@VERSION");
            }
            return at < 0 ? new Request(text, Optional.empty())
                    : new Request(text.substring(0, at), Optional.of(text.substring(at + 1)));
        }
    }

    static void report(PrintWriter out, List<Installer.Outcome> outcomes, RepositorySource source) {
        for (Installer.Outcome o : outcomes) {
            out.println(o.changed() ? "installed " + o.id() + " " + o.version() + " from " + source.location()
                    + " (signed by " + o.signer() + ") -> " + o.file()
                    : o.id() + " " + o.version() + " is installed already (" + o.file() + ")");
        }
    }

    /** {@code milab plugins pack DIR|JAR [--out DIR]}. */
    @Command(name = "pack", description = "Make a reproducible plugin archive (same input, same SHA-256) from a plugin "
            + "jar or zip, a plugin folder, or a Maven project after 'mvn package'.")
    static final class Pack implements Callable<Integer> {
        @Parameters(paramLabel = "DIR|JAR", description = "what to pack")
        Path input;

        @Option(names = "--out", paramLabel = "DIR", description = "where the archive goes (default: the current folder)")
        Path outDir = Path.of(".");

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PluginPacker.Packed p = PluginPacker.pack(input, outDir);
            spec.commandLine().getOut().println("packed " + p.metadata().label() + " -> " + p.archive() + " ("
                    + p.size() + " bytes, sha256 " + p.sha256() + ")");
            return ExitCodes.OK;
        }
    }

    /** {@code milab plugins publish ARCHIVE --repo DIR --key KEY}. */
    @Command(name = "publish", description = "Add a packed plugin to a lab repository folder, signed with your key.")
    static final class Publish implements Callable<Integer> {
        @Mixin
        HostOptions host;

        @Parameters(paramLabel = "ARCHIVE", description = "a plugin archive made by 'milab plugins pack'")
        Path archive;

        @Option(names = "--repo", required = true, paramLabel = "DIR", description = "the repository folder (created if absent)")
        Path repo;

        @Option(names = "--key", required = true, paramLabel = "KEY", description = "your signing key's name, or its file")
        String key;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (repo.toString().matches("[a-z]+:/.*")) {
                throw new ConfigurationException("--repo " + repo, "publish writes to a repository folder (local or "
                        + "a network drive); serve that folder over HTTP for others to install from");
            }
            Keys.SigningKey signing = home().keys().signingKey(key);
            Publisher publisher = new Publisher(home().keys(), new HostExtensionDescriber(host.pluginFolders()));
            RepositoryIndex.PublishedVersion v = publisher.publish(archive, repo, signing);
            spec.commandLine().getOut().println("published " + v.file() + " to " + repo + " (" + v.size()
                    + " bytes, sha256 " + v.sha256() + ", extensions " + v.extensions().stream()
                    .map(RepositoryIndex.ExtensionSummary::name).collect(Collectors.joining(", "))
                    + "), signed by " + signing.name() + " (" + signing.publicKey().id() + ")");
            return ExitCodes.OK;
        }
    }

    /** {@code milab plugins search [TEXT] [--repo URL-or-DIR]}. */
    @Command(name = "search", description = "List a repository's plugins (matching TEXT in id, description or extensions).")
    static final class Search implements Callable<Integer> {
        @Parameters(paramLabel = "TEXT", arity = "0..1", description = "what to look for (default: everything)")
        String text = "";

        @Mixin
        RepositoryOption repository;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            RepositorySource source = repository.source();
            RepositoryIndex index = SignedIndex.fetch(source, home().keys());
            TextTable t = table(index, MilabVersion.current().pluginApi(), text.toLowerCase(Locale.ROOT));
            PrintWriter out = spec.commandLine().getOut();
            if (t.isEmpty()) {
                out.println("no plugin in " + source.location() + " matches '" + text + "'");
            } else {
                out.print(t);
            }
            return ExitCodes.OK;
        }

        /** A row per plugin whose id, description or extensions contain {@code q}. */
        private static TextTable table(RepositoryIndex index, String api, String q) {
            TextTable t = new TextTable(List.of("plugin", "installable", "versions", "extensions", "description"));
            for (RepositoryIndex.IndexedPlugin p : index.plugins()) {
                String ext = p.versions().isEmpty() ? "" : p.versions().get(0).extensions().stream()
                        .map(RepositoryIndex.ExtensionSummary::name).collect(Collectors.joining(", "));
                if ((p.id() + " " + p.description() + " " + ext).toLowerCase(Locale.ROOT).contains(q)) {
                    t.add(row(p, ext, api));
                }
            }
            return t;
        }

        /** The plugin, the newest version this host can install, every version, its extensions, description. */
        private static List<String> row(RepositoryIndex.IndexedPlugin p, String ext, String api) {
            String installable = p.versions().stream().filter(v -> Resolver.accepts(api, v.requires()))
                    .map(RepositoryIndex.PublishedVersion::version).findFirst().orElse("none for API " + api);
            return List.of(p.id(), installable, p.versions().stream().map(RepositoryIndex.PublishedVersion::version)
                    .collect(Collectors.joining(", ")), ext, p.description());
        }
    }

    /** {@code milab plugins install ID[@VERSION]... [--repo URL-or-DIR]}. */
    @Command(name = "install", description = "Install plugins (and what they depend on) from a lab repository, "
            + "checking size, SHA-256 and signature first.")
    static final class Install implements Callable<Integer> {
        @Mixin
        HostOptions host;

        @Mixin
        RepositoryOption repository;

        @Parameters(paramLabel = "ID[@VERSION]", arity = "1..*", description = "plugins to install")
        List<String> requests;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            RepositorySource source = repository.source();
            Installer installer = installer(host);
            for (String r : requests) {
                Request req = Request.parse(r);
                report(spec.commandLine().getOut(), installer.install(source, req.id(), req.version()), source);
            }
            return ExitCodes.OK;
        }
    }

    /** {@code milab plugins update [ID]... [--repo URL-or-DIR]}. */
    @Command(name = "update", description = "Update installed plugins (default: every plugin milab installed) to the "
            + "newest version that fits.")
    static final class Update implements Callable<Integer> {
        @Mixin
        HostOptions host;

        @Mixin
        RepositoryOption repository;

        @Parameters(paramLabel = "ID", arity = "0..*", description = "plugins to update")
        List<String> ids = new ArrayList<>();

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<InstallRecord> records = InstallRecord.all(home());
            List<String> targets = ids.isEmpty() ? records.stream().map(InstallRecord::id).toList() : ids;
            Installer installer = installer(host);
            for (String id : targets) {
                RepositorySource source = source(records, id);
                report(spec.commandLine().getOut(), installer.install(source, id, Optional.empty()), source);
            }
            if (targets.isEmpty()) {
                spec.commandLine().getOut().println("nothing to update: milab installed no plugins in " + home().plugins());
            }
            return ExitCodes.OK;
        }

        /** --repo, else the repository plugin {@code id} was installed from. */
        private RepositorySource source(List<InstallRecord> records, String id) {
            InstallRecord rec = records.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() ->
                    new ConfigurationException("plugin " + id, "was not installed by milab (no record in "
                            + home().records() + "); install it with 'milab plugins install'"));
            return repository.isSet() ? repository.source() : RepositorySource.of(rec.repository());
        }
    }

    /** {@code milab plugins remove ID}. */
    @Command(name = "remove", description = "Remove a plugin from MILAB_HOME/plugins.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        HostOptions host;

        @Parameters(paramLabel = "ID", description = "the plugin to remove")
        String id;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path removed = installer(host).remove(id);
            spec.commandLine().getOut().println("removed " + id + " (" + removed + ")");
            return ExitCodes.OK;
        }
    }

    /** {@code milab plugins verify [--repo URL-or-DIR]}. */
    @Command(name = "verify", description = "Re-check every installed plugin: hash, signature, and the repository's record.")
    static final class Verify implements Callable<Integer> {
        @Option(names = "--repo", paramLabel = "URL-or-DIR", description = "check against this repository instead of "
                + "the one each plugin was installed from")
        String repo;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Verifier verifier = new Verifier(home());
            List<Verifier.Verdict> verdicts = verifier.verifyAll(Optional.ofNullable(repo).map(RepositorySource::of));
            for (Verifier.Verdict v : verdicts) {
                out.println((v.ok() ? "ok      " : "FAILED  ") + v.id() + " " + v.version() + " (signer " + v.signer()
                        + ", from " + v.origin() + "): " + v.detail());
            }
            verifier.unrecorded().forEach(p -> out.println("unknown " + p + ": copied by hand (no install record), "
                    + "so it cannot be verified; install it from a repository instead"));
            if (verdicts.isEmpty()) {
                out.println("no plugins installed by milab in " + home().plugins());
            }
            return verdicts.stream().allMatch(Verifier.Verdict::ok) ? ExitCodes.OK : ExitCodes.RUN_FAILURE;
        }
    }
}
