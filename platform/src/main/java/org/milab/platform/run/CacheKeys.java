package org.milab.platform.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.milab.api.param.ComponentSpec;
import org.milab.platform.graph.Plan;
import org.milab.platform.graph.PlannedNode;
import org.milab.platform.plugins.PluginStatus;

/**
 * Content addresses of node results: SHA-256 over the node's resolved configuration (qualified extension, every
 * parameter and host parameter as text, defaults included), the SHA-256 of its plugin's file, its seed, and the keys
 * of the nodes feeding each input port. A node whose parameters name components (which may come from other
 * plugins) also covers every loaded plugin's SHA-256. The host's own build (milab version and the SHA-256 of the
 * platform jar) enters every key too, as the host computes standard errors and ground truth. Keys depend only on
 * configuration, never on outputs, so a node's key is known before anything runs.
 */
public final class CacheKeys {

    private static final String VERSION = "milab node key 1";
    private final Map<String, String> pluginSha = new TreeMap<>();
    private final String host;

    /** Keys over the plugins {@code plugins} (their SHA-256 enter the keys) and this host's build. */
    public CacheKeys(List<PluginStatus> plugins) {
        plugins.forEach(p -> pluginSha.put(p.id(), p.sha256()));
        this.host = org.milab.platform.MilabVersion.current().milab() + " " + hostJarSha256();
    }

    /** The SHA-256 of the jar this class was loaded from; {@code classes} when it runs from a build folder. */
    private static String hostJarSha256() {
        try {
            Path jar = Path.of(CacheKeys.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return "classes";
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(jar)) {
                in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), md));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The key of {@code node} seeded with {@code seed}, fed by nodes with keys {@code inputKeys} (node id to key);
     * empty when its plugin's SHA-256 or an input's key is unknown.
     */
    public Optional<String> key(PlannedNode node, long seed, Map<String, String> inputKeys) {
        String sha = pluginSha.getOrDefault(node.extension().pluginId(), "");
        if (!sha.matches("[0-9a-f]{64}") || node.inputs().values().stream()
                .anyMatch(ref -> !inputKeys.containsKey(ref.node()))) {
            return Optional.empty();
        }
        return Optional.of(sha256(keyText(node, sha, seed, inputKeys)));
    }

    /** What the key hashes: versions, the extension and its plugin, parameters, plugins named, seed, inputs. */
    private String keyText(PlannedNode node, String sha, long seed, Map<String, String> inputKeys) {
        StringBuilder text = new StringBuilder(VERSION).append('\n').append("host ").append(host).append('\n');
        text.append("extension ").append(node.extension().qualifiedName()).append(' ')
                .append(node.extension().pluginVersion()).append(' ').append(sha).append('\n');
        appendSorted(text, "param ", node.parameters().asText());
        appendSorted(text, "host ", node.hostParameters().asText());
        if (node.parameters().asMap().values().stream().anyMatch(v -> v instanceof ComponentSpec)) {
            pluginSha.forEach((id, s) -> text.append("plugin ").append(id).append(' ').append(s).append('\n'));
        }
        text.append("seed ").append(seed).append('\n');
        new TreeMap<>(node.inputs()).forEach((port, ref) -> text.append("input ").append(port).append('=')
                .append(inputKeys.get(ref.node())).append('.').append(ref.port()).append('\n'));
        return text.toString();
    }

    /** A line {@code prefix key=value} per entry, by key. */
    private static void appendSorted(StringBuilder text, String prefix, Map<String, String> values) {
        new TreeMap<>(values).forEach((k, v) -> text.append(prefix).append(k).append('=').append(v).append('\n'));
    }

    /**
     * A fingerprint of one planned point: its nodes' keys in order (configuration text for a node without a key).
     * A resumed run must have the same fingerprints as the folder it continues.
     */
    public String fingerprint(Plan plan) {
        Map<String, String> nodeKeys = new java.util.HashMap<>();
        StringBuilder text = new StringBuilder();
        for (PlannedNode node : plan.nodes()) {
            String k = key(node, Seeds.derive(plan.graph().seed().value(), node.id()), nodeKeys)
                    .orElse("unkeyed " + node.extension().qualifiedName() + " " + new TreeMap<>(node.parameters()
                            .asText()) + " " + new TreeMap<>(node.hostParameters().asText()) + " " + node.inputs());
            nodeKeys.put(node.id(), k);
            text.append(node.id()).append(' ').append(k).append('\n');
        }
        return sha256(text.toString());
    }

    /** The SHA-256 of {@code text} in hex. */
    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
