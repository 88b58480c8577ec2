package org.milab.platform.share;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an installed plugin came from, who signed it and whether it verifies now (checked locally: hash and
 * signature), for {@code milab plugins list}.
 */
public final class PluginOrigins {

    /** One plugin's origin. */
    public record Origin(String source, String signer, String verification) {
        /** One line for listings. */
        public String text() {
            return "origin: " + source + "; signer: " + signer + "; " + verification;
        }
    }

    private final ShareHome home;
    private final Path builtin;

    /**
     * @param home    the milab home
     * @param builtin the distribution's built-in plugin folder
     */
    public PluginOrigins(ShareHome home, Path builtin) {
        this.home = home;
        this.builtin = builtin.toAbsolutePath().normalize();
    }

    /** The origin of the plugin at {@code path}. */
    public Origin of(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (p.startsWith(builtin)) {
            return new Origin("built into this milab distribution", "none", "not checked: shipped with milab");
        }
        Optional<Verifier.Verdict> v = new Verifier(home).verifyLocally(p);
        if (v.isEmpty()) {
            return new Origin("copied by hand (" + p.getParent() + ")", "none", "not verifiable: no install record");
        }
        Verifier.Verdict verdict = v.get();
        return new Origin(verdict.origin(), verdict.signer(),
                verdict.ok() ? "verified: " + verdict.detail() : "NOT VERIFIED: " + verdict.detail());
    }
}
