package org.milab.plugins.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import org.milab.api.Configured;
import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;

/** The parameters the fusion models share, and the per-modality encoders they build from them. */
final class Fusion {

    static final Parameter<List<Integer>> DIMS = Parameter.integers("dims").defaultValue(List.of()).min(1)
            .description("width of each modality view, in the order the views are concatenated in the input row, "
                    + "e.g. [4, 4]; multimodal strategies set it from the data when the spec leaves it out").build();
    static final Parameter<ComponentSpec> ENCODER = Parameter.component("encoder", ModelFactory.class)
            .defaultValue(ComponentSpec.parse("mlp(hidden=[32])"))
            .description("the encoder of every modality; its output (width 'embedding') is the modality's "
                    + "embedding, e.g. mlp(hidden=[32]) or cnn").build();
    static final Parameter<Integer> EMBEDDING = Parameter.integer("embedding").defaultValue(16).min(1)
            .description("embedding width per modality (the encoder's 'outputs' unless its spec sets it)").build();

    private Fusion() {
    }

    /** The modality widths, checked against the input. */
    static int[] dims(Shape input, RunContext ctx, String model) {
        List<Integer> dims = ctx.param(DIMS);
        if (input.dimension() != 2) {
            throw new InvalidDataException(model + " takes rows of concatenated views, shape (batch, features); got "
                    + input);
        }
        long sum = dims.stream().mapToLong(Integer::longValue).sum();
        if (dims.size() < 2 || sum != input.get(1)) {
            throw new InvalidDataException(model + ": 'dims' " + dims + " must list at least two view widths summing "
                    + "to the input width " + input.get(1));
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One freshly built encoder per modality. */
    static List<Block> encoders(Shape input, int[] dims, RunContext ctx) {
        ComponentSpec spec = ctx.param(ENCODER);
        Configured<ModelFactory> probe = ctx.component(ModelFactory.class, spec);
        boolean declaresOutputs = probe.extension().info().parameters().stream()
                .anyMatch(p -> p.name().equals(Layers.OUTPUTS.name()));
        Configured<ModelFactory> f = declaresOutputs
                ? ctx.component(ModelFactory.class, spec.withDefault(Layers.OUTPUTS.name(), ctx.param(EMBEDDING)))
                : probe;
        List<Block> out = new ArrayList<>();
        for (int d : dims) {
            out.add(f.extension().build(new Shape(input.get(0), d), f.context()));
        }
        return out;
    }
}
