package org.milab.plugins.neural.critic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.milab.api.Citation;
import org.milab.api.ConfigurationException;
import org.milab.api.Configured;
import org.milab.api.ExtensionInfo;
import org.milab.api.Problem;
import org.milab.api.RunContext;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * A critic with a learned log-baseline: {@code f'(x, y) = f(x, y) - log a(y)}, with f any critic (the wrapped one)
 * and {@code log a(y)} an MLP of y alone.
 *
 * <p>Poole et al.'s TUBA bound with a learned baseline {@code a(y) > 0} is
 * {@code I >= 1 + E_p[f(x, y) - log a(y)] - E_{p(x)p(y)}[exp(f(x, y)) / a(y)]}. Since
 * {@code exp(f) / a(y) = exp(f - log a(y))}, this is the constant-baseline TUBA with {@code b = 0} evaluated on
 * {@code f'}: the baseline is part of the critic, not of the bound, so {@code tuba} with
 * {@code critic: baseline-critic(critic=...)} is TUBA with a learned baseline (the other bounds accept it as well).
 * For a given f the best baseline is {@code a(y) = E_{p(x)}[exp f(x, y)]}, and the bound is tight at
 * {@code f = log p(y|x) + c(y)} for any c: f need only be right up to an additive function of y, which a(y) absorbs.
 *
 * <p>It helps critics that cannot express an additive y-only term: a separable {@code g(x)^T h(y)} can only do so
 * by spending an embedding dimension on a constant {@code g}, and a bilinear {@code x^T W y} cannot at all. Meant
 * for density-ratio critics; wrapping a log-density critic ({@code gaussian-conditional}) shifts its log q by a
 * learned y-only term.
 *
 * <p>Cost per batch: the wrapped critic's, plus one MLP pass over the n values of y,
 * {@code O(n (dy h + h^2))}, and an {@code n x n} broadcast subtraction.
 */
@Extension
@Citation(authors = "Poole, B., Ozair, S., van den Oord, A., Alemi, A. A., Tucker, G.", year = 2019,
        title = "On Variational Bounds of Mutual Information", venue = "ICML", arxiv = "1905.06922")
public final class BaselineCritic implements ModelFactory {

    static final Parameter<ComponentSpec> CRITIC = Parameter.component("critic", ModelFactory.class)
            .defaultValue(ComponentSpec.parse("separable-critic"))
            .description("the wrapped critic f with its parameters, e.g. separable-critic(embedding=16)").build();
    static final Parameter<List<Integer>> HIDDEN = Parameter.integers("hidden").defaultValue(List.of(64))
            .min(1).description("hidden layer sizes of the baseline network log a(y); empty: linear in y").build();
    static final Parameter<Nonlinearity> ACTIVATION = Parameter.choice("activation", Nonlinearity.class)
            .defaultValue(Nonlinearity.RELU).description("activation of the baseline's hidden layers").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("baseline-critic", "A critic minus a learned log-baseline log a(y): TUBA's learned "
                + "baseline, as a wrapper around any critic.", CRITIC, HIDDEN, ACTIVATION);
    }

    @Override
    public Block build(Shape input, RunContext ctx) {
        CriticShapes.dx(input);
        Configured<ModelFactory> factory;
        try {
            factory = ctx.component(ModelFactory.class, ctx.param(CRITIC));
        } catch (ConfigurationException e) {
            String where = "parameter '" + CRITIC.name() + "' = " + ctx.param(CRITIC);
            throw new ConfigurationException(e.problems().stream().map(p -> new Problem(
                    p.where().isEmpty() ? where : where + ", " + p.where(), p.message())).toList());
        }
        Block inner = factory.extension().build(input, factory.context());
        return new Baseline(inner, ctx.param(HIDDEN), ctx.param(ACTIVATION));
    }

    /** The block: the wrapped critic's scores minus the baseline of each column's y. */
    static final class Baseline extends PairScoreBlock {
        private final Block inner;
        private final Block logBaseline;

        Baseline(Block inner, List<Integer> hidden, Nonlinearity activation) {
            this.inner = addChildBlock("critic", inner);
            logBaseline = addChildBlock("log-baseline", Mlp.of(hidden, 1, activation));
        }

        @Override
        NDArray scores(ParameterStore store, NDArray x, NDArray y, boolean training) {
            NDArray f = inner.forward(store, new NDList(x, y), training).singletonOrThrow();   // (n, m)
            NDArray l = apply(logBaseline, store, y, training);                                  // (m, 1)
            return f.sub(l.transpose());                                                         // - (1, m)
        }

        @Override
        void initialiseChildren(NDManager manager, DataType dataType, Shape x, Shape y) {
            inner.initialize(manager, dataType, x, y);
            logBaseline.initialize(manager, dataType, y);
        }
    }
}
