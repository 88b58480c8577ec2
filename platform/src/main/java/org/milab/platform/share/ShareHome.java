package org.milab.platform.share;

import java.nio.file.Path;

/**
 * The folders of one milab home ({@code MILAB_HOME}, default {@code ~/.milab}) that sharing uses:
 * {@code plugins/} (installed plugins, one {@code ID.jar} or {@code ID.zip} each), {@code installed/} (one record
 * per installed plugin: where it came from, its hash and signature), {@code downloads/} (temporary files, on the same
 * file system as {@code plugins/} so the final move is atomic), and the {@link KeyRing}.
 *
 * @param root the milab home
 */
public record ShareHome(Path root) {

    /** Installed plugins. */
    public Path plugins() {
        return root.resolve("plugins");
    }

    /** Install records. */
    public Path records() {
        return root.resolve("installed");
    }

    /** Temporary downloads. */
    public Path downloads() {
        return root.resolve("downloads");
    }

    /** This home's keys. */
    public KeyRing keys() {
        return new KeyRing(root);
    }
}
