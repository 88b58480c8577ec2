package org.milab.plugins.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.model.ModelFactory;
import org.pf4j.Extension;

/**
 * Late fusion of M modality views by averaging logits: each view has its own encoder and linear head, and the fused
 * logits are their mean.
 *
 * <p>f(x_1, ..., x_M) = (1/M) sum_m (V_m e_m(x_m) + c_m); the unimodal logits {@code logits<m>} are the summands
 * (see {@link FusionBlock} for the named outputs). Averaging logits is a product of the unimodal softmax
 * distributions (renormalised, tempered by 1/M): a modality is only as loud as its logits, which is what lets a
 * strong modality drown a weak one in joint training.
 *
 * <p>Cost: the M encoders plus M linear heads; no fusion weights.
 */
@Extension
@Citation(authors = "Baltrušaitis, T., Ahuja, C., Morency, L.-P.", year = 2019,
        title = "Multimodal Machine Learning: A Survey and Taxonomy",
        venue = "IEEE Transactions on Pattern Analysis and Machine Intelligence 41(2)",
        doi = "10.1109/TPAMI.2018.2798607")
public final class LateFusion implements ModelFactory {

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("late-fusion", "Per-modality encoders and heads, fused by averaging their logits.",
                Fusion.DIMS, Fusion.ENCODER, Fusion.EMBEDDING, Layers.OUTPUTS);
    }

    @Override
    public Block build(Shape input, RunContext ctx) {
        int[] dims = Fusion.dims(input, ctx, "late-fusion");
        return new LateFusionBlock(dims, Fusion.encoders(input, dims, ctx), ctx.param(Layers.OUTPUTS));
    }
}
