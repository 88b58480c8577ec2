package org.milab.platform.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milab.api.Inputs;
import org.milab.api.InvalidDataException;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.analysis.Analysis;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.data.Samples;
import org.milab.api.estimate.ConditionalMiEstimator;
import org.milab.api.estimate.EntropyEstimator;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterValues;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;
import org.milab.platform.plugins.ExtensionHandle;
import org.milab.platform.plugins.Role;

/** The node kinds of the runnable roles, and the choice of kind for an extension. */
public final class NodeKinds {

    private static final Port X = Port.required("x", Samples.class, "samples of X");
    private static final Port Y = Port.required("y", Samples.class, "samples of Y, row-paired with x");
    private static final Port Z = Port.required("z", Samples.class, "samples of the conditioning Z, row-paired");

    /** Output port of estimator nodes. */
    public static final String ESTIMATE = "estimate";
    /** Output port of strategy and analysis nodes. */
    public static final String RESULT = "result";
    /** Output port of dataset nodes holding the whole dataset. */
    public static final String DATASET = "dataset";

    /** Datasets: no inputs; outputs {@code dataset} and one {@code Samples} port per view. */
    public static final NodeKind DATASETS = new NodeKind() {
        @Override
        public Role role() {
            return Role.DATASET;
        }

        @Override
        public List<Port> inputs(ExtensionHandle e) {
            return List.of();
        }

        @Override
        public Map<String, Class<?>> outputs(ExtensionHandle e, ParameterValues p) {
            Map<String, Class<?>> out = new LinkedHashMap<>();
            out.put(DATASET, Dataset.class);
            e.call(() -> e.as(DatasetProvider.class).declaredViews(p)).forEach(v -> out.put(v, Samples.class));
            return out;
        }

        @Override
        public boolean openOutputs() {
            return true;
        }

        @Override
        public Optional<Class<?>> openOutputType() {
            return Optional.of(Samples.class);
        }

        @Override
        public Map<String, Object> run(ExtensionHandle e, Inputs in, ParameterValues host, RunContext ctx) {
            Dataset d = e.call(() -> e.as(DatasetProvider.class).load(ctx));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put(DATASET, d);
            d.viewNames().forEach(v -> out.put(v, d.view(v)));
            return out;
        }
    };

    /** I(X;Y) estimators. */
    public static final NodeKind ESTIMATORS = new EstimatorKind(Role.ESTIMATOR, List.of(X, Y)) {
        @Override
        Estimate estimate(ExtensionHandle e, List<Samples> s, RunContext ctx) {
            return e.as(Estimator.class).estimate(s.get(0), s.get(1), ctx);
        }
    };

    /** H(X) estimators. */
    public static final NodeKind ENTROPY_ESTIMATORS = new EstimatorKind(Role.ENTROPY_ESTIMATOR, List.of(X)) {
        @Override
        Estimate estimate(ExtensionHandle e, List<Samples> s, RunContext ctx) {
            return e.as(EntropyEstimator.class).entropy(s.get(0), ctx);
        }
    };

    /** I(X;Y|Z) estimators. */
    public static final NodeKind CONDITIONAL_ESTIMATORS =
            new EstimatorKind(Role.CONDITIONAL_MI_ESTIMATOR, List.of(X, Y, Z)) {
                @Override
                Estimate estimate(ExtensionHandle e, List<Samples> s, RunContext ctx) {
                    return e.as(ConditionalMiEstimator.class).estimate(s.get(0), s.get(1), s.get(2), ctx);
                }
            };

    /** Training strategies: declared inputs, output {@code result}. */
    public static final NodeKind STRATEGIES = new DeclaredPortsKind(Role.TRAINING_STRATEGY, TrainingResult.class,
            e -> e.as(TrainingStrategy.class).inputs(), (e, in, ctx) -> e.as(TrainingStrategy.class).train(in, ctx));

    /** Analyses: declared inputs, output {@code result}. */
    public static final NodeKind ANALYSES = new DeclaredPortsKind(Role.ANALYSIS, AnalysisResult.class,
            e -> e.as(Analysis.class).inputs(), (e, in, ctx) -> e.as(Analysis.class).analyse(in, ctx));

    private static final List<NodeKind> ALL = List.of(DATASETS, ESTIMATORS, ENTROPY_ESTIMATORS,
            CONDITIONAL_ESTIMATORS, STRATEGIES, ANALYSES);

    private NodeKinds() {
    }

    /** The roles a graph node can run. */
    public static List<Role> runnableRoles() {
        return ALL.stream().map(NodeKind::role).toList();
    }

    /** The node kind for a role, when nodes of that role can run. */
    public static Optional<NodeKind> forRole(Role role) {
        return ALL.stream().filter(k -> k.role() == role).findFirst();
    }

    /**
     * The kind to run {@code e} as: among the runnable roles it plays, the first whose required ports are all
     * wired and which accepts every wired port; otherwise its first runnable role (whose checks then explain).
     */
    public static Optional<NodeKind> choose(ExtensionHandle e, java.util.Set<String> wired) {
        List<NodeKind> playable = ALL.stream().filter(k -> e.plays(k.role())).toList();
        for (NodeKind k : playable) {
            List<Port> ports = k.inputs(e);
            boolean required = ports.stream().filter(p -> !p.optional()).allMatch(p -> wired.contains(p.name()));
            boolean accepted = wired.stream().allMatch(w -> ports.stream().anyMatch(p -> p.name().equals(w)));
            if (required && accepted) {
                return Optional.of(k);
            }
        }
        return playable.stream().findFirst();
    }

    /** The call of an extension whose inputs are declared ports. */
    @FunctionalInterface
    private interface PortedCall {
        Object call(ExtensionHandle e, Inputs in, RunContext ctx);
    }

    /** Shared by strategies and analyses: ports declared by the extension, one output {@code result}. */
    private static final class DeclaredPortsKind implements NodeKind {
        private final Role role;
        private final Class<?> resultType;
        private final java.util.function.Function<ExtensionHandle, List<Port>> ports;
        private final PortedCall call;

        DeclaredPortsKind(Role role, Class<?> resultType, java.util.function.Function<ExtensionHandle, List<Port>> ports,
                          PortedCall call) {
            this.role = role;
            this.resultType = resultType;
            this.ports = ports;
            this.call = call;
        }

        @Override
        public Role role() {
            return role;
        }

        @Override
        public List<Port> inputs(ExtensionHandle e) {
            return e.call(() -> ports.apply(e));
        }

        @Override
        public Map<String, Class<?>> outputs(ExtensionHandle e, ParameterValues p) {
            return Map.of(RESULT, resultType);
        }

        @Override
        public Map<String, Object> run(ExtensionHandle e, Inputs in, ParameterValues host, RunContext ctx) {
            return Map.of(RESULT, e.call(() -> call.call(e, in, ctx)));
        }
    }

    /** Shared by the three estimator kinds: fixed Samples ports, output {@code estimate}, host standard errors. */
    private abstract static class EstimatorKind implements NodeKind {
        private final Role role;
        private final List<Port> ports;

        EstimatorKind(Role role, List<Port> ports) {
            this.role = role;
            this.ports = ports;
        }

        abstract Estimate estimate(ExtensionHandle e, List<Samples> samples, RunContext ctx);

        @Override
        public Role role() {
            return role;
        }

        @Override
        public List<Port> inputs(ExtensionHandle e) {
            return ports;
        }

        @Override
        public Map<String, Class<?>> outputs(ExtensionHandle e, ParameterValues p) {
            return Map.of(ESTIMATE, Estimate.class);
        }

        @Override
        public List<Parameter<?>> hostParameters() {
            return List.of(StandardErrors.METHOD, StandardErrors.RESAMPLES);
        }

        @Override
        public Map<String, Object> run(ExtensionHandle e, Inputs in, ParameterValues host, RunContext ctx) {
            List<Samples> samples = ports.stream().map(p -> in.get(p.name(), Samples.class)).toList();
            int n = samples.get(0).rows();
            for (int i = 1; i < samples.size(); i++) {
                if (samples.get(i).rows() != n) {
                    throw new InvalidDataException("input '" + ports.get(i).name() + "' has " + samples.get(i).rows()
                            + " rows but '" + ports.get(0).name() + "' has " + n
                            + "; paired samples need the same number of rows");
                }
            }
            Estimate result = StandardErrors.estimate(n, ctx.seed(), host, rows -> e.call(() -> estimate(e,
                    rows == null ? samples : samples.stream().map(s -> s.selectRows(rows)).toList(), ctx)),
                    ctx::progress);
            return Map.of(ESTIMATE, result);
        }
    }

    /** Whether the kind is one of the estimator kinds. */
    public static boolean isEstimator(NodeKind kind) {
        return kind instanceof EstimatorKind;
    }
}
