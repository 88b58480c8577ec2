package org.milab.plugins.neural;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.Optional;
import org.milab.api.ConfigurationException;
import org.milab.api.param.Parameter;
import org.milab.plugins.neural.fused.FusedCritic;

/**
 * Where a critic trains: milab's fused CPU kernels (the built-in separable and joint critics, on the CPU; 1.1-3x
 * the engine's steps per second for the staircase critics, issue 16), the engine's autograd (any critic block, any
 * device), or the first that applies.
 */
public enum CriticBackend {
    /** The fused kernels when they can train the critic and the engine runs on the CPU, else the engine. */
    AUTO,
    /** The engine's autograd. */
    ENGINE,
    /** The fused kernels; a configuration error names why when they cannot train the critic. */
    FUSED;

    /** The parameter of the estimators that train critics. */
    static final Parameter<CriticBackend> PARAMETER = Parameter.choice("critic-backend", CriticBackend.class)
            .defaultValue(AUTO).description("where the critic trains: fused (milab's CPU kernels, for the built-in "
                    + "separable and joint critics without gelu), engine (DJL autograd: any critic, any device), or "
                    + "auto (fused when it applies on a CPU)").build();

    /** The model that trains the initialised {@code critic} (x of width {@code dx}), its state in {@code model}. */
    CriticModel open(Block critic, int dx, NDManager model, double learningRate) {
        if (this == ENGINE) {
            return new EngineCriticModel(critic, model, learningRate);
        }
        Optional<String> unsupported = FusedCritic.unsupported(critic);
        if (this == FUSED && unsupported.isPresent()) {
            throw new ConfigurationException("parameter '" + PARAMETER.name() + "'", "fused kernels cannot train "
                    + "this critic: " + unsupported.get() + "; use " + PARAMETER.name() + "=engine or auto");
        }
        boolean fused = this == FUSED || unsupported.isEmpty() && !model.getDevice().isGpu();
        return fused ? new FusedCriticModel(FusedCritic.of(critic, dx, learningRate))
                : new EngineCriticModel(critic, model, learningRate);
    }
}
