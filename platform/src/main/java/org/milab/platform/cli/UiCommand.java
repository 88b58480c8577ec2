package org.milab.platform.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.milab.api.ConfigurationException;
import org.milab.platform.report.FolderRunCatalog;
import org.milab.platform.report.RunCatalog;
import org.milab.platform.store.StoreRunCatalog;
import org.milab.platform.ui.UiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code milab ui}: serves the local web UI over the run folders until interrupted. */
@Command(name = "ui", description = "Browse, compare and follow runs in a local web UI (read-only unless --allow-writes).")
final class UiCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "P", description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String bind = "127.0.0.1";

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "the runs folder to show (default: ${DEFAULT-VALUE})")
    Path runsDir = Path.of("runs");

    @Option(names = "--all-runs", description = "show every run indexed in the run store (see --store), wherever its "
            + "folder is, instead of the runs under --runs-dir")
    boolean allRuns;

    @picocli.CommandLine.Mixin
    StoreOptions store;

    @Option(names = "--allow-writes", description = "enable write actions (re-rendering a run's report.html)")
    boolean allowWrites;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        checkOptions();
        InetSocketAddress address = address();
        CountDownLatch stop = new CountDownLatch(1);
        RunCatalog catalog = allRuns ? new StoreRunCatalog(store.location()) : new FolderRunCatalog(runsDir);
        String shown = allRuns ? "runs indexed in " + store.location() : "runs in " + runsDir.toAbsolutePath();
        try (UiServer server = UiServer.start(catalog, address, allowWrites)) {
            announce(server, shown);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
        return ExitCodes.OK;
    }

    private void checkOptions() {
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("--port " + port, "expected a port number from 0 to 65535");
        }
        if (!allRuns && !Files.isDirectory(runsDir)) {
            throw new ConfigurationException("--runs-dir " + runsDir, "no such folder (run 'milab run' first, or "
                    + "pass the folder given to 'milab run --runs-dir')");
        }
    }

    private InetSocketAddress address() {
        try {
            return new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw new ConfigurationException("--bind " + bind, "not an address of this machine");
        }
    }

    /** Tells where the server listens, what it shows, and whether writes are allowed. */
    private void announce(UiServer server, String shown) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("milab ui: " + server.uri() + " (" + shown + (allowWrites
                ? ", writes allowed" : ", read-only") + "); Ctrl-C stops it");
        out.flush();
    }
}
