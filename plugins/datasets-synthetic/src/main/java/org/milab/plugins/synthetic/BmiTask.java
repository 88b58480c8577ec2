package org.milab.plugins.synthetic;

import java.util.Set;
import java.util.function.Supplier;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterValues;
import org.pf4j.Extension;

/**
 * The 40 tasks of the BMI benchmark (Czyż et al., NeurIPS 2023, "Beyond Normal"), by name, each with its
 * ground-truth MI.
 *
 * <p>Bases: bivariate normal with correlation 0.75 (0.413 nats); multinormal dense (all correlations 0.5);
 * multinormal "2-pair" (two pairs with correlation 0.8, other coordinates independent: 1.022 nats); Student-t with
 * identity dispersion (MI = closed-form tail correction only); additive uniform noise. Transforms: normal CDF,
 * half-cube, asinh, wiggly, spiral (speed 1/3), swiss roll (of uniform margins), bimodal (inverse mixture CDF of
 * uniform margins). Every truth is a closed form, carried through injective maps unchanged; see {@link StudentT},
 * {@link AdditiveUniformNoise} and {@link Diffeomorphism} for the formulas.
 *
 * <p>Cost: at most O(n d^2) with d = 100 (dense 50 x 50).
 */
@Extension
@Citation(authors = "Czyż, P., Grabowski, F., Vogt, J. E., Beerenwinkel, N., Marx, A.", year = 2023,
        title = "Beyond Normal: On the Evaluation of Mutual Information Estimators", venue = "NeurIPS 2023",
        arxiv = "2306.11078")
public final class BmiTask implements DatasetProvider {

    private static final double RHO = 0.75;

    /** The benchmark's tasks, in the paper's order. */
    public enum Task {
        /** Bivariate normal 1 x 1. */
        NORMAL_1X1("Bivariate normal 1 × 1", () -> binormal()),
        /** Uniform margins 1 x 1. */
        UNIFORM_MARGINS_1X1("Normal CDF @ Bivariate normal 1 × 1", () -> maps(binormal(), "normal-cdf", "normal-cdf")),
        /** Additive noise, epsilon 0.1. */
        ADDITIVE_NOISE_0P10("Uniform 1 × 1 (additive noise = 0.1)", () -> Generator.additiveUniform(1, 0.10)),
        /** Additive noise, epsilon 0.75. */
        ADDITIVE_NOISE_0P75("Uniform 1 × 1 (additive noise = 0.75)", () -> Generator.additiveUniform(1, 0.75)),
        /** Bimodal 1 x 1. */
        BIMODAL_1X1("Bimodal 1 × 1", () -> maps(binormal(), "normal-cdf, bimodal", "normal-cdf, bimodal")),
        /** Wiggly 1 x 1. */
        WIGGLY_1X1("Wiggly @ Bivariate normal 1 × 1", () -> maps(binormal(), "wiggly", "wiggly")),
        /** Half-cube 1 x 1. */
        HALF_CUBE_1X1("Half-cube @ Bivariate normal 1 × 1", () -> maps(binormal(), "half-cube", "half-cube")),
        /** Student-t 1 x 1, dof 1. */
        STUDENT_1X1_DOF1("Student-t 1 × 1 (dof = 1)", () -> student(1, 1)),
        /** Asinh of Student-t 1 x 1, dof 1. */
        ASINH_STUDENT_1X1_DOF1("Asinh @ Student-t 1 × 1 (dof = 1)", () -> maps(student(1, 1), "asinh", "asinh")),
        /** Swiss roll 2 x 1. */
        SWISS_ROLL_2X1("Swiss roll 2 × 1", () -> maps(binormal(), "normal-cdf, swiss-roll", "normal-cdf")),
        /** Multinormal 2 x 2 dense. */
        DENSE_2X2("Multinormal 2 × 2 (dense)", () -> dense(2)),
        /** Multinormal 3 x 3 dense. */
        DENSE_3X3("Multinormal 3 × 3 (dense)", () -> dense(3)),
        /** Multinormal 5 x 5 dense. */
        DENSE_5X5("Multinormal 5 × 5 (dense)", () -> dense(5)),
        /** Multinormal 25 x 25 dense. */
        DENSE_25X25("Multinormal 25 × 25 (dense)", () -> dense(25)),
        /** Multinormal 50 x 50 dense. */
        DENSE_50X50("Multinormal 50 × 50 (dense)", () -> dense(50)),
        /** Multinormal 2 x 2 2-pair. */
        TWO_PAIR_2X2("Multinormal 2 × 2 (2-pair)", () -> twoPair(2)),
        /** Multinormal 3 x 3 2-pair. */
        TWO_PAIR_3X3("Multinormal 3 × 3 (2-pair)", () -> twoPair(3)),
        /** Multinormal 5 x 5 2-pair. */
        TWO_PAIR_5X5("Multinormal 5 × 5 (2-pair)", () -> twoPair(5)),
        /** Multinormal 25 x 25 2-pair. */
        TWO_PAIR_25X25("Multinormal 25 × 25 (2-pair)", () -> twoPair(25)),
        /** Student-t 2 x 2 dof 1. */
        STUDENT_2X2_DOF1("Student-t 2 × 2 (dof = 1)", () -> student(2, 1)),
        /** Student-t 2 x 2 dof 2. */
        STUDENT_2X2_DOF2("Student-t 2 × 2 (dof = 2)", () -> student(2, 2)),
        /** Student-t 3 x 3 dof 2. */
        STUDENT_3X3_DOF2("Student-t 3 × 3 (dof = 2)", () -> student(3, 2)),
        /** Student-t 3 x 3 dof 3. */
        STUDENT_3X3_DOF3("Student-t 3 × 3 (dof = 3)", () -> student(3, 3)),
        /** Student-t 5 x 5 dof 2. */
        STUDENT_5X5_DOF2("Student-t 5 × 5 (dof = 2)", () -> student(5, 2)),
        /** Student-t 5 x 5 dof 3. */
        STUDENT_5X5_DOF3("Student-t 5 × 5 (dof = 3)", () -> student(5, 3)),
        /** Normal CDF of 2-pair 3 x 3. */
        NORMAL_CDF_TWO_PAIR_3X3("Normal CDF @ Multinormal 3 × 3 (2-pair)", () -> both(twoPair(3), "normal-cdf")),
        /** Normal CDF of 2-pair 5 x 5. */
        NORMAL_CDF_TWO_PAIR_5X5("Normal CDF @ Multinormal 5 × 5 (2-pair)", () -> both(twoPair(5), "normal-cdf")),
        /** Normal CDF of 2-pair 25 x 25. */
        NORMAL_CDF_TWO_PAIR_25X25("Normal CDF @ Multinormal 25 × 25 (2-pair)", () -> both(twoPair(25), "normal-cdf")),
        /** Half-cube of 2-pair 3 x 3. */
        HALF_CUBE_TWO_PAIR_3X3("Half-cube @ Multinormal 3 × 3 (2-pair)", () -> both(twoPair(3), "half-cube")),
        /** Half-cube of 2-pair 5 x 5. */
        HALF_CUBE_TWO_PAIR_5X5("Half-cube @ Multinormal 5 × 5 (2-pair)", () -> both(twoPair(5), "half-cube")),
        /** Half-cube of 2-pair 25 x 25. */
        HALF_CUBE_TWO_PAIR_25X25("Half-cube @ Multinormal 25 × 25 (2-pair)", () -> both(twoPair(25), "half-cube")),
        /** Spiral of 2-pair 3 x 3. */
        SPIRAL_TWO_PAIR_3X3("Spiral @ Multinormal 3 × 3 (2-pair)", () -> both(twoPair(3), "spiral")),
        /** Spiral of 2-pair 5 x 5. */
        SPIRAL_TWO_PAIR_5X5("Spiral @ Multinormal 5 × 5 (2-pair)", () -> both(twoPair(5), "spiral")),
        /** Spiral of 2-pair 25 x 25. */
        SPIRAL_TWO_PAIR_25X25("Spiral @ Multinormal 25 × 25 (2-pair)", () -> both(twoPair(25), "spiral")),
        /** Spiral of normal CDF of 2-pair 3 x 3. */
        SPIRAL_NORMAL_CDF_TWO_PAIR_3X3("Spiral @ Normal CDF @ Multinormal 3 × 3 (2-pair)",
                () -> both(twoPair(3), "normal-cdf, spiral")),
        /** Spiral of normal CDF of 2-pair 5 x 5. */
        SPIRAL_NORMAL_CDF_TWO_PAIR_5X5("Spiral @ Normal CDF @ Multinormal 5 × 5 (2-pair)",
                () -> both(twoPair(5), "normal-cdf, spiral")),
        /** Spiral of normal CDF of 2-pair 25 x 25. */
        SPIRAL_NORMAL_CDF_TWO_PAIR_25X25("Spiral @ Normal CDF @ Multinormal 25 × 25 (2-pair)",
                () -> both(twoPair(25), "normal-cdf, spiral")),
        /** Asinh of Student-t 2 x 2 dof 1. */
        ASINH_STUDENT_2X2_DOF1("Asinh @ Student-t 2 × 2 (dof = 1)", () -> both(student(2, 1), "asinh")),
        /** Asinh of Student-t 3 x 3 dof 2. */
        ASINH_STUDENT_3X3_DOF2("Asinh @ Student-t 3 × 3 (dof = 2)", () -> both(student(3, 2), "asinh")),
        /** Asinh of Student-t 5 x 5 dof 2. */
        ASINH_STUDENT_5X5_DOF2("Asinh @ Student-t 5 × 5 (dof = 2)", () -> both(student(5, 2), "asinh"));

        private final String title;
        private final Supplier<Generator> generator;

        Task(String title, Supplier<Generator> generator) {
            this.title = title;
            this.generator = generator;
        }

        /** The task's name as printed in the paper. */
        public String title() {
            return title;
        }

        Generator generator() {
            return generator.get();
        }
    }

    static final Parameter<Task> TASK = Parameter.choice("task", Task.class).defaultValue(Task.NORMAL_1X1)
            .description("benchmark task, named after the paper's table").build();
    static final Parameter<Integer> N = SizeParameters.samples(5000,
            "number of samples (the paper uses 5000 by default)");

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("bmi-task",
                "One of the 40 BMI benchmark tasks (Czyz et al. 2023) by name, with its ground-truth MI.", TASK, N);
    }

    @Override
    public Set<String> declaredViews(ParameterValues parameters) {
        return Set.of("x", "y");
    }

    @Override
    public Dataset load(RunContext ctx) {
        Task task = ctx.param(TASK);
        Generator g = task.generator();
        Joint j = g.sample(ctx.param(N), ctx.splittableRandom());
        return Dataset.builder("bmi-task/" + TASK.format(task)).view("x", j.xView()).view("y", j.yView())
                .groundTruth("x", "y", g.mutualInformation(), g.method())
                .metadata("title", task.title())
                .build();
    }

    private static Generator binormal() {
        return Generator.gaussian(Gaussian.sparse(1, 1, 1, RHO, 0), 1);
    }

    private static Generator dense(int d) {
        return Generator.gaussian(Gaussian.dense(d, d, 0.5), d);
    }

    private static Generator twoPair(int d) {
        return Generator.gaussian(Gaussian.sparse(d, d, 2, 0.8, 0), d);
    }

    private static Generator student(int d, int dof) {
        return Generator.student(Gaussian.dense(d, d, 0), d, dof);
    }

    private static Generator both(Generator base, String chain) {
        return maps(base, chain, chain);
    }

    private static Generator maps(Generator base, String xChain, String yChain) {
        double speed = 1.0 / 3;
        return base.transformed(Diffeomorphism.chain(xChain, Diffeomorphism.Side.X, speed, "task"),
                Diffeomorphism.chain(yChain, Diffeomorphism.Side.Y, speed, "task"),
                "x: " + xChain + ", y: " + yChain);
    }
}
