package org.milab.plugins.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.model.ModelFactory;
import org.pf4j.Extension;

/**
 * Intermediate (concatenation) fusion of M modality views: per-modality encoders, a linear layer on the
 * concatenated embeddings for the fused logits, and a linear unimodal head per modality.
 *
 * <p>f(x_1, ..., x_M) = W [e_1(x_1); ...; e_M(x_M)] + b, with unimodal logits l_m = V_m e_m(x_m) + c_m exposed beside
 * it (see {@link FusionBlock} for the named outputs). Input: one row per sample holding the views side by side, of
 * widths {@code dims}. The unimodal heads are trained only by strategies that put a loss on them (e.g.
 * {@code balanced-multimodal}); otherwise they are inert.
 *
 * <p>Cost: the M encoders plus (M + 1) linear heads of (embedding x classes) weights.
 */
@Extension
@Citation(authors = "Ngiam, J., Khosla, A., Kim, M., Nam, J., Lee, H., Ng, A. Y.", year = 2011,
        title = "Multimodal Deep Learning", venue = "ICML")
public final class ConcatFusion implements ModelFactory {

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("concat-fusion", "Per-modality encoders, fused by a linear layer on their "
                + "concatenated embeddings; unimodal heads exposed.", Fusion.DIMS, Fusion.ENCODER, Fusion.EMBEDDING,
                Layers.OUTPUTS);
    }

    @Override
    public Block build(Shape input, RunContext ctx) {
        int[] dims = Fusion.dims(input, ctx, "concat-fusion");
        return new ConcatFusionBlock(dims, Fusion.encoders(input, dims, ctx), ctx.param(Layers.OUTPUTS));
    }
}
