package org.milab.platform.graph;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Where a {@code random} sweep draws one key from: a uniform or log-uniform range, or a list of choices. */
public sealed interface SweepRange {

    /** One draw. */
    Object draw(SplittableRandom random);

    /** The range as written. */
    Object asYaml();

    /** {@code [lo, hi]}: whole numbers in {@code [lo, hi]} when both ends are whole, else reals in {@code [lo, hi)}. */
    record Uniform(Number lo, Number hi) implements SweepRange {
        /** Whether both ends are whole numbers. */
        public boolean whole() {
            return !(lo instanceof Double) && !(hi instanceof Double);
        }

        @Override
        public Object draw(SplittableRandom random) {
            if (whole()) {
                long v = random.nextLong(lo.longValue(), hi.longValue() + 1);
                return lo instanceof Long || hi instanceof Long ? (Object) v : (Object) (int) v;
            }
            return random.nextDouble(lo.doubleValue(), hi.doubleValue());
        }

        @Override
        public Object asYaml() {
            return List.of(lo, hi);
        }
    }

    /** {@code {log: [lo, hi]}}: reals whose logarithm is uniform in {@code [ln lo, ln hi)}; {@code 0 < lo < hi}. */
    record LogUniform(double lo, double hi) implements SweepRange {
        @Override
        public Object draw(SplittableRandom random) {
            return Math.exp(random.nextDouble(Math.log(lo), Math.log(hi)));
        }

        @Override
        public Object asYaml() {
            return Map.of("log", List.of(lo, hi));
        }
    }

    /** {@code {choice: [a, b, c]}}: one of the values, each equally likely. */
    record Choice(List<Object> values) implements SweepRange {
        /** Copies. */
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public Object draw(SplittableRandom random) {
            return values.get(random.nextInt(values.size()));
        }

        @Override
        public Object asYaml() {
            return Map.of("choice", values);
        }
    }
}
